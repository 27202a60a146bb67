/**
 * Sending the outbox over SMTP. Each mail is claimed in the database before it is sent and marked
 * sent after, so of several processes exactly one sends it, and a restart resumes where it stopped.
 * The one window no outbox closes: the SMTP server accepted a mail and the process died before
 * marking it; once the claim runs out the mail is sent again — with the same Message-ID (derived
 * from the delivery's key), so mail systems and readers can tell it is the same message.
 */
import nodemailer from 'nodemailer';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  /** smtp://… (STARTTLS when offered) or smtps://… (TLS from the start), with user:pass. */
  url: string;
  from: string;
  /** Require STARTTLS on smtp:// (SMTP_REQUIRE_TLS); never send a password in clear. */
  requireTls: boolean;
  /** Accept a server certificate no CA vouches for (tests, a private relay): SMTP_TLS_INSECURE. */
  tlsInsecure: boolean;
}

/** A nodemailer transport over SMTP. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    url: settings.url,
    requireTLS: settings.requireTls,
    tls: { rejectUnauthorized: !settings.tlsInsecure },
    connectionTimeout: 20_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}

/** The domain Message-IDs are made under: the sender's own. */
export function messageDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'hailong.invalid';
}

const CLAIM_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;

/** Sends what is due; returns how many mails this process sent. */
export async function drainOutbox(
  repos: Repositories,
  mailer: Mailer,
  holder: string,
  clock: Clock,
  domain: string,
  limit = 50,
): Promise<number> {
  let sent = 0;
  for (const row of await repos.outbox.listDue(clock(), limit)) {
    const now = clock();
    if (!(await repos.outbox.claim(row.id, holder, now, now + CLAIM_MS))) continue;
    try {
      await mailer.send({
        messageId: `<${row.id}@${domain}>`,
        to: row.toAddress,
        subject: row.subject,
        text: row.body,
      });
      await repos.outbox.markSent(row.id, holder, clock());
      sent += 1;
    } catch (err) {
      const attempts = row.attempts + 1;
      // 1, 2, 4 … minutes, at most an hour; after 8 attempts (about two hours) it is marked failed.
      const wait = Math.min(60, 2 ** (attempts - 1)) * 60_000;
      await repos.outbox.markFailed(
        row.id,
        err instanceof Error ? err.message : String(err),
        clock() + wait,
        attempts >= MAX_ATTEMPTS,
      );
    }
  }
  return sent;
}
