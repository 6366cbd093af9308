import type { Locale } from '../../../shared/schemas/common.js';
import type { Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';

export type AccountMailKind = 'invitation' | 'confirm_email' | 'reset_password';

/**
 * E-mail about the account itself: an invitation, confirming the address, resetting the password.
 * Sent at once, never through the outbox: the outbox keeps each message's text in the database, and
 * these carry a link that signs someone in; only the link's hash may be stored. A failed send is
 * reported to the caller (the owner can copy the invitation link; the user can ask again).
 */
export async function sendAccountMail(
  deps: Deps,
  mail: { to: string; locale: Locale; kind: AccountMailKind; link: string; params: Record<string, string> },
): Promise<boolean> {
  if (!deps.mailer) return false;
  const params = { ...mail.params, link: mail.link };
  const text = translate(mail.locale, `accountMail.${mail.kind}.body`, params);
  try {
    await deps.mailer.send({
      to: mail.to,
      fromName: 'Mila',
      replyTo: null,
      subject: translate(mail.locale, `accountMail.${mail.kind}.subject`, params),
      text,
      html: null,
      messageId: `<${newId()}@mila>`,
    });
    return true;
  } catch (error) {
    deps.logger.error('an account e-mail could not be sent', { kind: mail.kind, error: String(error) });
    return false;
  }
}
