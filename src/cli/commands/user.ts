import type { Command } from 'commander';
import {
  allWorkspaces,
  createWorkspaceWithOwner,
  resetPassword,
} from '../../server/modules/accounts/accounts.service.js';
import type { DealerType } from '../../shared/schemas/accounts.js';
import { defaultServiceHours, type Locale } from '../../shared/schemas/common.js';
import { turnOffTwoFactorByOperator } from '../../server/modules/accounts/two-factor.service.js';
import { AppError } from '../../server/lib/app-error.js';
import { withDeps, type CliContext } from '../context.js';
import { readPassword } from '../read-password.js';

/**
 * `mila user create` sets up self-hosted Mila from the terminal (the first-run wizard's owner and
 * business, the rest is filled in Settings); `mila user reset-password` is for an owner locked out
 * of their own password; `mila user two-factor-off` for one who lost the phone with the app and the
 * recovery codes (a lost phone must not lock the only owner out). Passwords come from standard input
 * or a hidden prompt, never arguments.
 */
export function registerUser(program: Command, ctx: CliContext): void {
  const user = program.command('user').description(ctx.t('user.description'));

  user
    .command('create')
    .description(ctx.t('user.create.description'))
    .requiredOption('--email <email>', ctx.t('user.create.email'))
    .requiredOption('--name <name>', ctx.t('user.create.name'))
    .requiredOption('--business <name>', ctx.t('user.create.business'))
    .option('--dealer <licensed|exempt|company>', ctx.t('user.create.dealer'), 'licensed')
    .option('--locale <he|en>', ctx.t('user.create.locale'), ctx.locale)
    .action(async (options: { email: string; name: string; business: string; dealer: string; locale: string }) => {
      const password = await readPassword(ctx.t('user.passwordPrompt'));
      await withDeps(ctx, async (deps) => {
        // Self-hosted Mila is one freelancer's: a second workspace is the hosted mode's sign-up.
        if ((await allWorkspaces(deps)).length > 0) throw new AppError('setup_done');
        // The first-run wizard's defaults; the service parses (and refuses) the rest field by field.
        await createWorkspaceWithOwner(deps, {
          owner: { email: options.email, name: options.name, password, locale: options.locale as Locale },
          business: {
            name: options.business,
            dealerType: options.dealer as DealerType,
            vatRateBasisPoints: 1800,
            locale: options.locale as Locale,
            serviceHours: defaultServiceHours,
            paymentTermsDays: 30,
            preferredChannels: ['whatsapp', 'phone', 'email'],
          },
        });
      });
      ctx.out(ctx.t('user.create.done', { email: options.email.trim().toLowerCase() }));
    });

  user
    .command('reset-password')
    .description(ctx.t('user.reset.description'))
    .requiredOption('--email <email>', ctx.t('user.reset.email'))
    .action(async (options: { email: string }) => {
      const newPassword = await readPassword(ctx.t('user.passwordPrompt'));
      const { ended } = await withDeps(ctx, (deps) => resetPassword(deps, { email: options.email, newPassword }));
      ctx.out(ctx.t('user.reset.done', { count: ended }));
    });

  user
    .command('two-factor-off')
    .description(ctx.t('user.twoFactorOff.description'))
    .requiredOption('--email <email>', ctx.t('user.twoFactorOff.email'))
    .action(async (options: { email: string }) => {
      const wasOn = await withDeps(ctx, (deps) => turnOffTwoFactorByOperator(deps, { email: options.email }));
      const email = options.email.trim().toLowerCase();
      ctx.out(ctx.t(wasOn ? 'user.twoFactorOff.done' : 'user.twoFactorOff.wasOff', { email }));
    });
}
