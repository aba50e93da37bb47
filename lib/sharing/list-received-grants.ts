// A clinician's view: the patients whose records they may open right now, with
// the terms and end of each grant (emergency ones included). Revoked and
// expired grants are not shown: they give nothing any more.
import { db } from "@/lib/db";
import { EMERGENCY_ACCESS_MS } from "@/lib/authz/grant-rules";
import { toGrantSummary, type GrantSummary } from "./grant-summary";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface ReceivedGrant extends GrantSummary {
  patient: { id: string; name: string | null };
}

export async function listReceivedGrants(options: { actor: SharingActor; now?: Date }): Promise<ReceivedGrant[]> {
  const now = options.now ?? new Date();
  const clinician = await requireSharingActor({ actor: options.actor, permission: "grants:use" });
  const rows = await db.grant.findMany({
    where: {
      granteeId: clinician.id,
      revokedAt: null,
      expiresAt: { gt: now },
      OR: [{ origin: { not: "EMERGENCY" } }, { createdAt: { gt: new Date(now.getTime() - EMERGENCY_ACCESS_MS) } }],
    },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 500,
    include: { patient: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({ ...toGrantSummary(row, now), patient: { id: row.patient.id, name: row.patient.name } }));
}
