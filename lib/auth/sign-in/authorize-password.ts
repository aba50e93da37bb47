// The password step of sign-in (Auth.js Credentials provider). Answers every
// failure with the same generic error so nobody learns whether an account
// exists; throttles per account+IP and per IP; records each outcome for audit.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { contextFromHeaders } from "@/lib/http/request-context";
import { ZSignInSchema } from "@/lib/validation/auth";
import { verifyPassword, verifyPasswordWithoutAccount } from "../password";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./throttle";

export type PasswordCheck = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" | "email_not_verified" };

export async function authorizePassword(options: { credentials: Partial<Record<string, unknown>>; request: Request }): Promise<PasswordCheck> {
  const parsed = ZSignInSchema.safeParse(options.credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const context = contextFromHeaders(options.request.headers);

  if ((await signInRetryAfter({ email, ip: context.ipAddress })) > 0) {
    await recordAuditEvent({ action: "auth.sign_in", outcome: "DENIED", ...context, details: { reason: "rate_limited" } });
    return { ok: false, reason: "rate_limited" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, status: true, emailVerified: true, passwordHash: true },
  });
  const valid = user?.passwordHash ? await verifyPassword({ hash: user.passwordHash, password }) : await verifyPasswordWithoutAccount(password);

  if (!user || !valid || user.status === "SUSPENDED") {
    await recordSignInFailure({ email, ip: context.ipAddress });
    await recordAuditEvent({
      action: "auth.sign_in",
      outcome: "DENIED",
      actorId: user?.id ?? null,
      ...context,
      details: { reason: !user ? "unknown_account" : !valid ? "wrong_password" : "suspended" },
    });
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures({ email, ip: context.ipAddress });
  if (!user.emailVerified) return { ok: false, reason: "email_not_verified" };
  return { ok: true, userId: user.id };
}
