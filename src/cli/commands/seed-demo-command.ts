import { InvalidArgumentError, type Command } from 'commander';
import { withDeps, type CliContext } from '../context.js';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from './seed-demo.js';

/** `mila seed-demo [count]`: a Hebrew demo workspace to try Mila with. */
export function registerSeedDemo(program: Command, ctx: CliContext): void {
  program
    .command('seed-demo')
    .description(ctx.t('seedDemo.description'))
    .argument('[count]', ctx.t('seedDemo.count'), (v) => positiveCount(v, ctx), 60)
    .action(async (count: number) => {
      const result = await withDeps(ctx, (deps) => seedDemo(deps, count));
      if (result.createdWorkspace)
        ctx.out(ctx.t('seedDemo.createdWorkspace', { email: DEMO_EMAIL, password: DEMO_PASSWORD }));
      ctx.out(ctx.t('seedDemo.added', { count: result.clients }));
    });
}

function positiveCount(value: string, ctx: CliContext): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError(ctx.t('seedDemo.badCount'));
  return n;
}
