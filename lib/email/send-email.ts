// The one way MedVault sends mail. Every mail is first written to OutboundEmail,
// then handed to Resend when configured; with no provider (development) the row
// is the dev outbox. A mail whose provider call fails stays PENDING for a retry.
import { createTransport } from "nodemailer";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { EmailContent } from "./templates/layout";

export type EmailProvider = "resend" | "smtp" | "dev-outbox";

export function emailProvider(): EmailProvider {
  const settings = env();
  return settings.RESEND_API_KEY ? "resend" : settings.SMTP_URL ? "smtp" : "dev-outbox";
}

export async function sendEmail(options: { to: string; template: string; content: EmailContent }): Promise<{ id: string }> {
  const provider = emailProvider();
  const { to, template, content } = options;
  const row = await db.outboundEmail.create({
    data: { to, template, provider, subject: content.subject, html: content.html, text: content.text, status: provider === "dev-outbox" ? "SENT" : "PENDING", sentAt: provider === "dev-outbox" ? new Date() : null },
    select: { id: true },
  });
  if (provider !== "dev-outbox") await deliver(row.id, provider, options);
  return row;
}

async function deliver(id: string, provider: "resend" | "smtp", { to, content }: { to: string; content: EmailContent }) {
  const settings = env();
  const mail = { from: settings.EMAIL_FROM, to, subject: content.subject, html: content.html, text: content.text };
  try {
    if (provider === "resend") {
      // The idempotency key makes a retried send of the same row a no-op at Resend.
      const { error } = await new Resend(settings.RESEND_API_KEY).emails.send(mail, { idempotencyKey: `outbound-email-${id}` });
      if (error) throw new Error(error.name);
    } else {
      await createTransport(settings.SMTP_URL).sendMail({ ...mail, messageId: `<${id}@medvault>` });
    }
    await db.outboundEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
  } catch (error) {
    await db.outboundEmail.update({ where: { id }, data: { attempts: { increment: 1 } } });
    logger.warn("email.delivery_failed", { emailId: id, provider, error });
  }
}
