// Periodic pass over grants. Nothing here is needed for correctness: expiry is
// checked at every access (decideAccess, the where-builders). It sends the
// "ends soon" reminder once per grant term: grants ending within 3 days whose
// reminder is not sent yet are marked and handed to afterGrantExpiringSoon, each
// in its own short transaction guarded by reminderSentAt IS NULL, so sweeps
// running side by side remind once. Emergency grants (4 h) get no reminder.
// Clinician invitations past their own date (or their share's end) are closed
// as EXPIRED, so the row says what every reader already treats it as.
import { db } from "@/lib/db";
import { notifyExpiredGrants } from "@/lib/notifications/notify-expired-grants";
import { afterGrantExpiringSoon } from "./after-grant-expiring-soon";

export const REMINDER_WINDOW_MS = 3 * 24 * 60 * 60_000;

export interface SweepExpiredGrantsResult {
  /** Reminders marked in this pass. */
  reminded: number;
  /** Grants past their end and not revoked (already ineffective; for monitoring). */
  expired: number;
  /** Pending clinician invitations closed as EXPIRED in this pass. */
  invitationsExpired: number;
}

export async function sweepExpiredGrants(options: { now?: Date; batchSize?: number } = {}): Promise<SweepExpiredGrantsResult> {
  const now = options.now ?? new Date();
  const due = await db.grant.findMany({
    where: {
      revokedAt: null,
      reminderSentAt: null,
      origin: { not: "EMERGENCY" },
      expiresAt: { gt: now, lte: new Date(now.getTime() + REMINDER_WINDOW_MS) },
    },
    orderBy: { expiresAt: "asc" },
    take: options.batchSize ?? 500,
    select: { id: true },
  });

  let reminded = 0;
  for (const { id } of due) {
    const marked = await db.$transaction(async (tx) => {
      const { count } = await tx.grant.updateMany({
        where: { id, revokedAt: null, reminderSentAt: null, expiresAt: { gt: now } },
        data: { reminderSentAt: now },
      });
      if (count === 1) await afterGrantExpiringSoon({ grantId: id, tx });
      return count === 1;
    });
    if (marked) reminded += 1;
  }
  // "Your share has ended": once per grant term (deduplicated in lib/notifications).
  await notifyExpiredGrants({ now });
  const expired = await db.grant.count({ where: { revokedAt: null, expiresAt: { lte: now } } });
  const lapsed = await db.clinicianInvitation.updateMany({
    where: { status: "PENDING", OR: [{ inviteExpiresAt: { lte: now } }, { expiresAt: { lte: now } }] },
    data: { status: "EXPIRED", decidedAt: now },
  });
  return { reminded, expired, invitationsExpired: lapsed.count };
}
