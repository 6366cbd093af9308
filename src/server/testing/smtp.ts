import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process: mail goes over TCP, is parsed back with mailparser,
 * and can be stopped and started on the same port to play "the mail server is down".
 */
export class TestSmtpServer {
  readonly received: ParsedMail[] = [];
  readonly errors: Error[] = [];
  private server: SMTPServer | null = null;
  private hold: { take: (mail: ParsedMail) => void; released: Promise<void> } | null = null;
  port = 0;

  /**
   * The next message is received (and counted) but its 250 waits for `release`: a sender stuck
   * after DATA, for drills that kill it there. Resolves with the message once it has come.
   */
  holdNext(): { mail: Promise<ParsedMail>; release: () => void } {
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    const mail = new Promise<ParsedMail>((take) => (this.hold = { take, released }));
    return { mail, release };
  }

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            this.received.push(mail);
            const hold = this.hold;
            this.hold = null;
            if (hold) {
              hold.take(mail);
              await hold.released;
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A sender that dies in the middle of a message is an error of that connection, not of the test.
    server.on('error', (error) => this.errors.push(error));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
