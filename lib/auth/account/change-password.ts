// Changing the password from account settings: only right after "Confirm it's
// you", checked against the password policy, and every other device is signed
// out in the same transaction. An OAuth-only account sets its first password here.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { accountPasswordChangedMail } from "@/lib/email/templates/account-changes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { hashPassword } from "../password";
import { ZNewPasswordServerSchema } from "../password-policy";
import { requireRecentReauthentication } from "../reauthenticate";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import type { ResolvedSession } from "../sessions/resolve-session";

export const PASSWORD_CHANGED_TEMPLATE = "account-password-changed";

export async function changePassword(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "reauthenticatedAt" | "user">;
  newPassword: unknown;
  context: RequestContext;
  now?: Date;
}): Promise<{ firstPassword: boolean }> {
  const { session, context } = options;
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  requireRecentReauthentication(session, undefined, options.now);

  const parsed = ZNewPasswordServerSchema.safeParse(options.newPassword);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Choose another password.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { password: [message] } });
  }
  const passwordHash = await hashPassword(parsed.data);
  const userId = session.user.id;

  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await revokeAllSessions({ userId, tx, exceptSessionToken: session.sessionToken });
    const firstPassword = user.passwordHash === null;
    await recordAuditEvent(
      { action: "auth.password_changed", outcome: "ALLOWED", actorId: userId, actorRole: session.user.role, ...context, details: { firstPassword } },
      { tx },
    );
    return { email: user.email, firstPassword };
  });

  const base = env().APP_URL;
  await sendEmail({
    to: result.email,
    template: PASSWORD_CHANGED_TEMPLATE,
    content: accountPasswordChangedMail({ securityUrl: new URL("/account/security", base).toString(), resetUrl: new URL("/forgot-password", base).toString() }),
  });
  return { firstPassword: result.firstPassword };
}
