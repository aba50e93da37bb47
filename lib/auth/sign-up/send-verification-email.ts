import { sendEmail } from "@/lib/email/send-email";
import { verifyEmailMail } from "@/lib/email/templates/account";
import { env } from "@/lib/env";
import { issueOneTimeToken } from "../tokens/one-time-token";

export const VERIFY_EMAIL_TTL_MS = 24 * 3_600_000;

export async function sendVerificationEmail(options: { user: { id: string; email: string; name: string | null } }) {
  const token = await issueOneTimeToken({ purpose: "verify-email", userId: options.user.id, ttlMs: VERIFY_EMAIL_TTL_MS });
  const url = new URL(`/verify-email?token=${token}`, env().APP_URL).toString();
  await sendEmail({ to: options.user.email, template: "verify-email", content: verifyEmailMail({ name: options.user.name ?? "there", url }) });
}
