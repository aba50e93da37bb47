// The patient's grants, current, expired and revoked, with who holds them:
// the page where they see who can read what and revoke it.
import type { GrantState } from "@/lib/authz/grant-rules";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { toGrantSummary, type GrantSummary } from "./grant-summary";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface ListedGrant extends GrantSummary {
  grantee: { id: string; name: string | null; role: Role; specialty: string | null; organization: string | null };
  /** The clinician's reason (emergency access, approved request); shown to the patient only. */
  reason: string | null;
}

const STATE_ORDER: Record<GrantState, number> = { active: 0, expired: 1, revoked: 2 };

export async function listGrants(options: { actor: SharingActor; now?: Date; limit?: number }): Promise<ListedGrant[]> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const rows = await db.grant.findMany({
    where: { patientId: patient.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 200, 1), 500),
    include: {
      grantee: { select: { id: true, name: true, role: true, clinicianProfile: { select: { specialty: true, organization: true } } } },
    },
  });
  const listed = rows.map((row) => ({
    ...toGrantSummary(row, now),
    reason: row.reason,
    grantee: {
      id: row.grantee.id,
      name: row.grantee.name,
      role: row.grantee.role,
      specialty: row.grantee.clinicianProfile?.specialty ?? null,
      organization: row.grantee.clinicianProfile?.organization ?? null,
    },
  }));
  // Current first (ending soonest on top), then expired and revoked, newest first.
  return listed.sort((a, b) =>
    STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.state === "active" ? a.expiresAt.getTime() - b.expiresAt.getTime() : b.createdAt.getTime() - a.createdAt.getTime()),
  );
}
