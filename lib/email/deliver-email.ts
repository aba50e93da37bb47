// Hands one OutboundEmail row to its provider; the work of the "send-email" job.
// At least once from the queue, at most once to the recipient as far as the
// provider allows: a row that is no longer PENDING is skipped, Resend gets the
// row id as its Idempotency-Key (a retry after a lost answer is answered from
// Resend's cache, not sent again), SMTP gets the row id as Message-ID, and the
// row becomes SENT with a conditional update, so two runs never both count.
import { createTransport } from "nodemailer";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}

export type DeliverOutcome = "sent" | "already_sent" | "missing";

export async function deliverEmail(options: { emailId: string; attempt: number; maxAttempts: number }): Promise<DeliverOutcome> {
  const { emailId } = options;
  const mail = await db.outboundEmail.findUnique({ where: { id: emailId } });
  if (!mail) return "missing";
  if (mail.status !== "PENDING") return "already_sent";
  try {
    await handToProvider(mail);
  } catch (error) {
    // The last attempt marks the row FAILED, so the outbox tells the truth; the job shows it to admins.
    const last = options.attempt >= options.maxAttempts;
    await db.outboundEmail.updateMany({ where: { id: emailId, status: "PENDING" }, data: { attempts: { increment: 1 }, ...(last && { status: "FAILED" }) } });
    logger.warn("email.delivery_failed", { emailId, provider: mail.provider, attempt: options.attempt, last, error: error && typeof error === "object" && "name" in error ? String(error.name) : "unknown" });
    throw error;
  }
  const { count } = await db.outboundEmail.updateMany({ where: { id: emailId, status: "PENDING" }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
  logger.info("email.sent", { emailId, provider: mail.provider });
  return count === 1 ? "sent" : "already_sent";
}

async function handToProvider(mail: { id: string; to: string; subject: string; html: string; text: string; provider: string }): Promise<void> {
  const settings = env();
  const message = { from: settings.EMAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text };
  if (mail.provider === "resend") {
    if (!settings.RESEND_API_KEY) throw new EmailDeliveryError("Resend is no longer configured (RESEND_API_KEY)", "NOT_CONFIGURED");
    const client = new Resend(settings.RESEND_API_KEY, settings.RESEND_BASE_URL ? { baseUrl: settings.RESEND_BASE_URL } : undefined);
    const { error } = await client.emails.send(message, { idempotencyKey: mail.id });
    // Resend's messages may echo the request; keep its error name and status only.
    if (error) throw new EmailDeliveryError(`Resend refused the mail (${error.name})`, error.statusCode ? String(error.statusCode) : undefined);
    return;
  }
  if (mail.provider === "smtp") {
    if (!settings.SMTP_URL) throw new EmailDeliveryError("SMTP is no longer configured (SMTP_URL)", "NOT_CONFIGURED");
    const transport = createTransport(settings.SMTP_URL);
    try {
      await transport.sendMail({ ...message, messageId: `<${mail.id}@medvault>` });
    } finally {
      transport.close();
    }
    return;
  }
  throw new EmailDeliveryError(`Unknown provider "${mail.provider}"`, "UNKNOWN_PROVIDER");
}
