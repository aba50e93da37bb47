// The one way MedVault sends mail. Every mail is first written to OutboundEmail
// (the durable record), and in the same transaction a "send-email" job is
// enqueued that hands it to Resend or SMTP, retried with backoff while the
// provider is down (lib/email/deliver-email.ts). Pass the transaction of the
// change that causes the mail, so the mail exists exactly when the change does.
// With no provider configured (development) the row is the dev outbox and
// counts as sent at once.
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { EmailContent } from "./templates/layout";

export type EmailProvider = "resend" | "smtp" | "dev-outbox";

export function emailProvider(): EmailProvider {
  const settings = env();
  return settings.RESEND_API_KEY ? "resend" : settings.SMTP_URL ? "smtp" : "dev-outbox";
}

export interface SendEmailOptions {
  to: string;
  /** A short name of the mail's kind (e.g. "reset-password"), for tests and support. */
  template: string;
  content: EmailContent;
  /** The transaction of the change that causes the mail; a short one of its own otherwise. */
  tx?: Tx;
}

export async function sendEmail(options: SendEmailOptions): Promise<{ id: string }> {
  if (options.tx) return writeEmail(options.tx, options);
  return db.$transaction((tx) => writeEmail(tx, options));
}

async function writeEmail(tx: Tx, { to, template, content }: SendEmailOptions): Promise<{ id: string }> {
  const provider = emailProvider();
  const outbox = provider === "dev-outbox";
  const row = await tx.outboundEmail.create({
    data: { to, template, provider, subject: content.subject, html: content.html, text: content.text, status: outbox ? "SENT" : "PENDING", sentAt: outbox ? new Date() : null },
    select: { id: true },
  });
  // Only the id goes into the job: the body holds one-time links, the row is where it lives.
  if (!outbox) await enqueueJob({ type: "send-email", payload: { emailId: row.id }, tx });
  return row;
}
