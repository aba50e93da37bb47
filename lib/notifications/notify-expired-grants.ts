// "Your share has ended", for grants that reached their end date (not revoked,
// not emergency: those were told when they opened or ended). Called by the
// hourly grant sweep. Each grant term is told once: the notifications carry a
// dedupe key, so sweeps running again, late or side by side never repeat it.
// Grants that ended more than a week ago (the app was down, or this feature is
// new) are left alone rather than told about long after the fact.
import { db } from "@/lib/db";
import { notifyGrantExpired } from "./events/sharing-events";

export const EXPIRED_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

export async function notifyExpiredGrants(options: { now?: Date; batchSize?: number } = {}): Promise<{ notified: number }> {
  const now = options.now ?? new Date();
  const take = options.batchSize ?? 500;
  let notified = 0;
  let cursor: string | undefined;
  // Page through the whole window: grants already told are skipped cheaply, never starve the others.
  for (;;) {
    const grants = await db.grant.findMany({
      where: { revokedAt: null, origin: { not: "EMERGENCY" }, expiresAt: { lte: now, gt: new Date(now.getTime() - EXPIRED_LOOKBACK_MS) } },
      orderBy: { id: "asc" },
      take,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, patientId: true, granteeId: true, level: true, expiresAt: true, origin: true },
    });
    if (grants.length === 0) break;
    cursor = grants.at(-1)!.id;
    const keyOf = (grant: (typeof grants)[number]) => `grant-expired:${grant.id}:${grant.expiresAt.getTime()}:${grant.patientId}`;
    const done = new Set((await db.notification.findMany({ where: { dedupeKey: { in: grants.map(keyOf) } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey));
    for (const grant of grants) {
      if (done.has(keyOf(grant))) continue;
      await db.$transaction(async (tx) => {
        // Re-checked inside: a grant renewed or revoked since the read has not "ended".
        const current = await tx.grant.findFirst({ where: { id: grant.id, revokedAt: null, expiresAt: grant.expiresAt }, select: { id: true } });
        if (current) await notifyGrantExpired({ tx, grant });
      });
      notified += 1;
    }
    if (grants.length < take) break;
  }
  return { notified };
}
