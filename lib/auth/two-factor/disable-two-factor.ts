// Turning two-factor off: only for roles where it is optional, only right after
// re-authentication, and only with a current code, so neither a stolen
// session nor a stolen password alone can do it.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requireRecentReauthentication } from "../reauthenticate";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import { TWO_FACTOR_MANDATORY_ROLES, type ResolvedSession } from "../sessions/resolve-session";
import { consumeSecondFactor } from "./consume-second-factor";
import type { TSecondFactor } from "./schemas";
import { clearTwoFactorFailures, recordTwoFactorFailure, retryMessage, twoFactorRetryAfter } from "./throttle";

export const MANDATORY_MESSAGE =
  "Clinicians and administrators must keep two-factor authentication on, so it cannot be turned off. You can get new recovery codes instead.";

export async function disableTwoFactor(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "reauthenticatedAt" | "user">;
  factor: TSecondFactor;
  context: RequestContext;
  now?: Date;
}): Promise<void> {
  const { session, factor, context } = options;
  const now = options.now ?? new Date();
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  const userId = session.user.id;
  const audit = { action: "auth.two_factor_disabled", actorId: userId, actorRole: session.user.role, ...context };

  if (TWO_FACTOR_MANDATORY_ROLES.includes(session.user.role)) {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: "mandatory_for_role" } });
    throw new AppError("FORBIDDEN", MANDATORY_MESSAGE);
  }
  if (!session.user.twoFactorEnabled) throw new AppError("CONFLICT", "Two-factor authentication is already off.");
  requireRecentReauthentication(session, undefined, now);

  const retryAfterSeconds = await twoFactorRetryAfter({ kind: "second_factor", userId });
  if (retryAfterSeconds > 0) throw new AppError("RATE_LIMITED", retryMessage(retryAfterSeconds), { retryAfterSeconds });

  const check = await db.$transaction(async (tx) => {
    const result = await consumeSecondFactor({ userId, factor, tx, now });
    if (!result.ok) return result;
    await tx.user.update({ where: { id: userId }, data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastUsedStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await revokeAllSessions({ userId, tx, exceptSessionToken: session.sessionToken });
    await recordAuditEvent({ ...audit, outcome: "ALLOWED", details: { method: result.method } }, { tx });
    return result;
  });

  if (!check.ok) {
    await recordTwoFactorFailure({ kind: "second_factor", userId });
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: `${check.reason}_code`, method: factor.method } });
    const message =
      factor.method === "totp"
        ? "That code did not work. Wait for a new code in your authenticator app and try again."
        : "That recovery code did not work. Check it, or use one you have not used before.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { code: [message] } });
  }
  await clearTwoFactorFailures({ kind: "second_factor", userId });
}
