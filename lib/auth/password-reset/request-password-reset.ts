// Always answers the same way, whether or not the address has an account.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { passwordResetMail } from "@/lib/email/templates/account";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/http/request-context";
import { issueOneTimeToken } from "../tokens/one-time-token";

export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

export async function requestPasswordReset(options: { email: string; context: RequestContext }) {
  const user = await db.user.findUnique({ where: { email: options.email }, select: { id: true, email: true, status: true } });
  if (!user || user.status === "SUSPENDED") return;
  const token = await issueOneTimeToken({ purpose: "reset-password", userId: user.id, ttlMs: PASSWORD_RESET_TTL_MS });
  const url = new URL(`/reset-password?token=${token}`, env().APP_URL).toString();
  await sendEmail({ to: user.email, template: "reset-password", content: passwordResetMail({ url }) });
  await recordAuditEvent({ action: "auth.password_reset_requested", outcome: "ALLOWED", actorId: user.id, ...options.context });
}
