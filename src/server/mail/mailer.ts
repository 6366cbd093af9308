import nodemailer from 'nodemailer';

export type MailAttachment = { filename: string; content: Buffer; contentType: string };

export type OutgoingMail = {
  to: string;
  fromName: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  /** Stable per outbox row: a resend after a crash carries the same Message-ID. */
  messageId: string;
  attachments?: MailAttachment[];
};

export type Mailer = { send: (mail: OutgoingMail) => Promise<void>; close: () => void };

/** Real SMTP through nodemailer; null when no SMTP server is configured. */
export function createMailer(smtpUrl: string | null, fromAddress: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({
        from: { name: mail.fromName, address: fromAddress },
        to: mail.to,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
        textEncoding: 'base64',
        attachments: mail.attachments,
      });
    },
    close: () => transport.close(),
  };
}
