// New recovery codes (the old ones stop working at once), e.g. after using
// some or losing the saved copy. Needs a fresh re-authentication.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requireRecentReauthentication } from "../reauthenticate";
import type { ResolvedSession } from "../sessions/resolve-session";
import { replaceRecoveryCodes } from "./store-recovery-codes";

export async function regenerateRecoveryCodes(options: {
  session: Pick<ResolvedSession, "state" | "reauthenticatedAt" | "user">;
  context: RequestContext;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const { session, context } = options;
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  if (!session.user.twoFactorEnabled) throw new AppError("CONFLICT", "Turn on two-factor authentication first.");
  requireRecentReauthentication(session, undefined, options.now);
  const userId = session.user.id;

  const recoveryCodes = await db.$transaction(async (tx) => {
    // Re-checked inside the transaction: two-factor may have been turned off meanwhile.
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user?.totpEnabledAt) throw new AppError("CONFLICT", "Turn on two-factor authentication first.");
    const codes = await replaceRecoveryCodes({ userId, tx });
    await recordAuditEvent({ action: "auth.recovery_codes_regenerated", outcome: "ALLOWED", actorId: userId, actorRole: session.user.role, ...context }, { tx });
    return codes;
  });
  return { recoveryCodes };
}
