// The clinician's access requests that their patients have answered, newest
// first. Requests still waiting are not listed at all: a request to an unknown
// email or code leaves no row (the form answers the same either way, see
// request-access.ts), so a "waiting" entry, even one naming nobody, would tell
// the clinician that the person has an account. Whether someone is a patient
// here is the patient's to reveal, by answering.
import { db } from "@/lib/db";
import type { AccessRequestStatus, GrantLevel, GrantScope, RecordCategory } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface SentAccessRequest {
  id: string;
  status: Exclude<AccessRequestStatus, "PENDING">;
  scope: GrantScope;
  categories: RecordCategory[];
  level: GrantLevel;
  durationDays: number;
  createdAt: Date;
  decidedAt: Date | null;
  patient: { id: string; name: string | null };
}

export async function listSentAccessRequests(options: { actor: SharingActor; limit?: number }): Promise<SentAccessRequest[]> {
  const clinician = await requireSharingActor({ actor: options.actor, permission: "access_requests:create" });
  const rows = await db.accessRequest.findMany({
    where: { clinicianId: clinician.id, status: { not: "PENDING" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
    include: { patient: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status as SentAccessRequest["status"],
    scope: row.scope,
    categories: row.categories,
    level: row.level,
    durationDays: row.durationDays,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    patient: row.patient,
  }));
}
