/**
 * A real SMTP server in the test's own process (smtp-server): it offers STARTTLS with the library's
 * own certificate and refuses to authenticate before TLS, so a client that sends a password in clear
 * fails; every message accepted is parsed (mailparser) for the test to read.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The SMTP envelope's recipients (RCPT TO). */
  envelopeTo: string[];
}

export interface TestSmtp {
  port: number;
  /** smtp://user:pass@127.0.0.1:port — STARTTLS with a self-signed certificate. */
  url: string;
  received: ReceivedMail[];
  /** Waits until `count` messages arrived (or the deadline passes, failing with what came). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export const SMTP_USER = 'canh.bao';
export const SMTP_PASS = 'mat-khau-thu-2026';

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    allowInsecureAuth: false,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          received.push({
            messageId: mail.messageId ?? '',
            from: mail.from?.text ?? '',
            to: to.flatMap((a) => a.value.map((v) => v.address ?? '')),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      if (received.length < count)
        throw new Error(
          `expected ${count} mails, got ${received.length}: ${JSON.stringify(received.map((m) => m.subject))}`,
        );
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
