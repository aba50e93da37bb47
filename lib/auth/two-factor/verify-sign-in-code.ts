// The second step of signing in to an account with two-factor on: a TOTP code
// or a recovery code. Each sign-in gets MAX_SECOND_FACTOR_ATTEMPTS tries; the
// last failure ends it, and the password must be given again.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import type { ResolvedSession } from "../sessions/resolve-session";
import { consumeSecondFactor } from "./consume-second-factor";
import { MAX_SECOND_FACTOR_ATTEMPTS, type TSecondFactor } from "./schemas";
import { clearTwoFactorFailures, recordTwoFactorFailure, twoFactorRetryAfter } from "./throttle";

export type TSignInCodeResult =
  | { ok: true; method: TSecondFactor["method"]; recoveryCodesLeft?: number }
  | { ok: false; reason: "invalid" | "replayed"; attemptsLeft: number }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  /** Out of attempts (now or before), revoked, or not waiting for a second factor. */
  | { ok: false; reason: "session_ended" };

/**
 * Takes one attempt from the session's allowance before the code is looked at,
 * in a single conditional UPDATE: parallel requests cannot get more than the
 * allowance between them. Returns the attempt's number, or null when none is left.
 */
async function claimAttempt(sessionToken: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ failedSecondFactorAttempts: number }[]>`
    UPDATE "Session" SET "failedSecondFactorAttempts" = "failedSecondFactorAttempts" + 1
    WHERE "sessionToken" = ${sessionToken} AND "revokedAt" IS NULL AND "secondFactorAt" IS NULL
      AND "failedSecondFactorAttempts" < ${MAX_SECOND_FACTOR_ATTEMPTS}
    RETURNING "failedSecondFactorAttempts"`;
  return rows[0]?.failedSecondFactorAttempts ?? null;
}

export async function verifySignInCode(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "user">;
  factor: TSecondFactor;
  context: RequestContext;
  now?: Date;
}): Promise<TSignInCodeResult> {
  const { session, factor, context } = options;
  const now = options.now ?? new Date();
  if (session.state !== "second_factor_required") return { ok: false, reason: "session_ended" };
  const userId = session.user.id;
  const audit = { action: "auth.second_factor", actorId: userId, actorRole: session.user.role, ...context };

  const retryAfterSeconds = await twoFactorRetryAfter({ kind: "second_factor", userId });
  if (retryAfterSeconds > 0) {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: "rate_limited", method: factor.method } });
    return { ok: false, reason: "rate_limited", retryAfterSeconds };
  }

  const attempt = await claimAttempt(session.sessionToken);
  if (attempt === null) {
    await endSession(session.sessionToken, now);
    return { ok: false, reason: "session_ended" };
  }

  let result: Awaited<ReturnType<typeof consumeSecondFactor>>;
  try {
    result = await db.$transaction(async (tx) => {
      const check = await consumeSecondFactor({ userId, factor, tx, now });
      if (!check.ok) return check;
      const { count } = await tx.session.updateMany({
        where: { sessionToken: session.sessionToken, revokedAt: null, secondFactorAt: null },
        data: { secondFactorAt: now, failedSecondFactorAttempts: 0 },
      });
      // Ended meanwhile (sign-out, suspension, the last attempt of a parallel
      // request): roll back so the code is not spent on a dead session.
      if (count !== 1) throw new SessionEnded();
      const details = { method: check.method, ...(check.recoveryCodesLeft !== undefined && { recoveryCodesLeft: check.recoveryCodesLeft }) };
      await recordAuditEvent({ ...audit, outcome: "ALLOWED", details }, { tx });
      return check;
    });
  } catch (error) {
    if (error instanceof SessionEnded) return { ok: false, reason: "session_ended" };
    throw error;
  }

  if (result.ok) {
    await clearTwoFactorFailures({ kind: "second_factor", userId });
    return result;
  }

  await recordTwoFactorFailure({ kind: "second_factor", userId });
  const attemptsLeft = MAX_SECOND_FACTOR_ATTEMPTS - attempt;
  // "not_enabled" (two-factor switched off meanwhile) is answered like a wrong code.
  const reason = result.reason === "replayed" ? "replayed" : "invalid";
  await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: `${reason}_code`, method: factor.method, attempt, sessionEnded: attemptsLeft === 0 } });
  if (attemptsLeft === 0) {
    await endSession(session.sessionToken, now);
    return { ok: false, reason: "session_ended" };
  }
  return { ok: false, reason, attemptsLeft };
}

class SessionEnded extends Error {}

async function endSession(sessionToken: string, now: Date) {
  await db.session.updateMany({ where: { sessionToken, revokedAt: null }, data: { revokedAt: now } });
}

/** Tries left for the sign-in form; 0 when the session can no longer try. */
export async function secondFactorAttemptsLeft(options: { sessionToken: string }): Promise<number> {
  const row = await db.session.findUnique({ where: { sessionToken: options.sessionToken }, select: { failedSecondFactorAttempts: true, revokedAt: true } });
  if (!row || row.revokedAt) return 0;
  return Math.max(0, MAX_SECOND_FACTOR_ATTEMPTS - row.failedSecondFactorAttempts);
}
