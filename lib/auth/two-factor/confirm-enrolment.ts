// Step 2 of turning two-factor on: the first code proves the authenticator
// holds the secret. Everything that follows commits together: two-factor on,
// new recovery codes, every other session ended, this one marked as having
// given its second factor, and the audit row.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import type { ResolvedSession } from "../sessions/resolve-session";
import { verifyTotp } from "../totp";
import { ALREADY_ENABLED, assertMayEnrol } from "./begin-enrolment";
import { openTotpSecret } from "./consume-second-factor";
import { replaceRecoveryCodes } from "./store-recovery-codes";

const WRONG_CODE = "That code did not match. Check that the app shows MedVault and enter the code it shows now.";

export async function confirmEnrolment(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "user">;
  code: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const { session, context } = options;
  const now = options.now ?? new Date();
  assertMayEnrol(session);
  const userId = session.user.id;
  const audit = { action: "auth.two_factor_enabled", actorId: userId, actorRole: session.user.role, ...context };

  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { totpSecretEncrypted: false } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", ALREADY_ENABLED);
  const sealed = user.totpSecretEncrypted;
  const secretBase32 = sealed ? openTotpSecret({ userId, sealed }) : null;
  if (!sealed || !secretBase32) throw new AppError("CONFLICT", "The set-up has expired. Please start again.");

  const result = verifyTotp({ secretBase32, code: options.code, lastUsedStep: null, now });
  if (!result.ok) {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { reason: "wrong_code" } });
    throw new AppError("VALIDATION_FAILED", WRONG_CODE, { fieldErrors: { code: [WRONG_CODE] } });
  }

  const recoveryCodes = await db.$transaction(async (tx) => {
    // Only the secret this code was checked against is switched on: a concurrent
    // re-begin (new secret) or confirm (already on) makes this match nothing.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecretEncrypted: sealed },
      data: { totpEnabledAt: now, totpLastUsedStep: result.step },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Two-factor set-up changed in another window. Please start again.");
    const codes = await replaceRecoveryCodes({ userId, tx });
    await revokeAllSessions({ userId, tx, exceptSessionToken: session.sessionToken });
    await tx.session.update({
      where: { sessionToken: session.sessionToken },
      data: { secondFactorAt: now, failedSecondFactorAttempts: 0 },
    });
    await recordAuditEvent({ ...audit, outcome: "ALLOWED" }, { tx });
    return codes;
  });
  return { recoveryCodes };
}
