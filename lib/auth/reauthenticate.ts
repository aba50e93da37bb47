// "Confirm it's you" before a sensitive change (turning two-factor off, new
// recovery codes, ...): the password again, or for an account without one
// (OAuth only) a code from the authenticator. Success stamps the current
// session; sensitive use cases then call requireRecentReauthentication.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { verifyPassword, verifyPasswordWithoutAccount } from "./password";
import type { ResolvedSession } from "./sessions/resolve-session";
import { consumeSecondFactor } from "./two-factor/consume-second-factor";
import type { TReauthenticate } from "./two-factor/schemas";
import { clearTwoFactorFailures, recordTwoFactorFailure, retryMessage, twoFactorRetryAfter } from "./two-factor/throttle";

export const REAUTHENTICATION_MAX_AGE_MS = 5 * 60_000;

const CONFIRM_FIRST = "Please confirm your password first.";

export function isRecentlyReauthenticated(
  subject: { reauthenticatedAt: Date | null },
  options: { maxAgeMs?: number; now?: Date } = {},
): boolean {
  const { reauthenticatedAt } = subject;
  if (!reauthenticatedAt) return false;
  const age = (options.now ?? new Date()).getTime() - reauthenticatedAt.getTime();
  // A stamp from the future (clock skew between instances) counts as fresh, but only just.
  return age <= (options.maxAgeMs ?? REAUTHENTICATION_MAX_AGE_MS) && age > -60_000;
}

/** Throws FORBIDDEN unless the session re-authenticated within maxAgeMs (default 5 min). */
export function requireRecentReauthentication(
  subject: { reauthenticatedAt: Date | null },
  maxAgeMs = REAUTHENTICATION_MAX_AGE_MS,
  now = new Date(),
): void {
  if (!isRecentlyReauthenticated(subject, { maxAgeMs, now })) throw new AppError("FORBIDDEN", CONFIRM_FIRST);
}

export type TReauthenticationMethod = "password" | "totp";

/** How this account confirms it is itself: password if it has one, else the authenticator; null if neither. */
export async function reauthenticationMethod(options: { userId: string }): Promise<TReauthenticationMethod | null> {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: { passwordHash: true, totpEnabledAt: true },
  });
  if (user?.passwordHash) return "password";
  if (user?.totpEnabledAt) return "totp";
  return null;
}

const WRONG: Record<TReauthenticationMethod, { field: string; message: string }> = {
  password: { field: "password", message: "That password is not correct." },
  totp: { field: "code", message: "That code did not work. Wait for a new code in your app and try again." },
};

export async function reauthenticate(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "user">;
  input: TReauthenticate;
  context: RequestContext;
  now?: Date;
}): Promise<{ reauthenticatedAt: Date }> {
  const { session, input, context } = options;
  const now = options.now ?? new Date();
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  const userId = session.user.id;
  const audit = { action: "auth.reauthenticated", actorId: userId, actorRole: session.user.role, ...context };

  const retryAfterSeconds = await twoFactorRetryAfter({ kind: "reauthentication", userId });
  if (retryAfterSeconds > 0) {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: "rate_limited" } });
    throw new AppError("RATE_LIMITED", retryMessage(retryAfterSeconds), { retryAfterSeconds });
  }

  const method = await reauthenticationMethod({ userId });
  if (method === null) {
    throw new AppError("FORBIDDEN", "This account has no password or authenticator to confirm with. Sign out and sign in again instead.");
  }
  if (method !== input.method) {
    // The form offers only the account's method; a mismatch is a stale or crafted form.
    throw new AppError("VALIDATION_FAILED", method === "password" ? "Enter your password." : "Enter the code from your authenticator app.");
  }

  let valid: boolean;
  if (input.method === "password") {
    const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
    valid = user?.passwordHash ? await verifyPassword({ hash: user.passwordHash, password: input.password }) : await verifyPasswordWithoutAccount(input.password);
  } else {
    valid = (await consumeSecondFactor({ userId, factor: { method: "totp", code: input.code }, now })).ok;
  }

  if (!valid) {
    await recordTwoFactorFailure({ kind: "reauthentication", userId });
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: method === "password" ? "wrong_password" : "wrong_code", method } });
    const wrong = WRONG[method];
    throw new AppError("VALIDATION_FAILED", wrong.message, { fieldErrors: { [wrong.field]: [wrong.message] } });
  }

  await db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({ where: { sessionToken: session.sessionToken, revokedAt: null }, data: { reauthenticatedAt: now } });
    if (count !== 1) throw new AppError("UNAUTHENTICATED");
    await recordAuditEvent({ ...audit, outcome: "ALLOWED", details: { method } }, { tx });
  });
  await clearTwoFactorFailures({ kind: "reauthentication", userId });
  return { reauthenticatedAt: now };
}
