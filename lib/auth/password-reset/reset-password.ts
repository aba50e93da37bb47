// Sets a new password from a reset link: the link works once, every session
// ends, and two-factor stays required (the reset proves the mailbox, not the
// second factor).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { passwordChangedMail } from "@/lib/email/templates/account";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/http/request-context";
import { hashPassword } from "../password";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import { consumeOneTimeToken } from "../tokens/one-time-token";

export async function resetPassword(options: { token: string; newPassword: string; context: RequestContext }): Promise<boolean> {
  // Hash first: the token is claimed only when the rest cannot fail for lack of time.
  const passwordHash = await hashPassword(options.newPassword);
  const userId = await consumeOneTimeToken({ purpose: "reset-password", token: options.token });
  if (!userId) return false;
  const user = await db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerified: true } });
    // The mail proved the address, so it counts as confirmed.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, emailVerified: current.emailVerified ?? new Date() } });
    await revokeAllSessions({ userId, tx });
    await recordAuditEvent({ action: "auth.password_reset", outcome: "ALLOWED", actorId: userId, ...options.context }, { tx });
    return current;
  });
  await sendEmail({ to: user.email, template: "password-changed", content: passwordChangedMail({ signInUrl: new URL("/sign-in", env().APP_URL).toString() }) });
  return true;
}
