// The requests made to a patient, pending first: who asks (minimal clinician
// fields), why, and for what. The patient approves or denies them with
// decideAccessRequest.
import { db } from "@/lib/db";
import type { AccessRequestStatus, GrantLevel, GrantScope, RecordCategory, Role } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface ListedAccessRequest {
  id: string;
  status: AccessRequestStatus;
  reason: string;
  scope: GrantScope;
  categories: RecordCategory[];
  level: GrantLevel;
  durationDays: number;
  createdAt: Date;
  decidedAt: Date | null;
  grantId: string | null;
  clinician: { id: string; name: string | null; role: Role; specialty: string | null; organization: string | null };
}

export async function listAccessRequests(options: { actor: SharingActor; status?: AccessRequestStatus; limit?: number }): Promise<ListedAccessRequest[]> {
  const patient = await requireSharingActor({ actor: options.actor, permission: "access_requests:decide" });
  const rows = await db.accessRequest.findMany({
    where: { patientId: patient.id, ...(options.status && { status: options.status }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 100, 1), 500),
    include: { clinician: { select: { id: true, name: true, role: true, clinicianProfile: { select: { specialty: true, organization: true } } } } },
  });
  const listed = rows.map((row) => ({
    id: row.id,
    status: row.status,
    reason: row.reason,
    scope: row.scope,
    categories: row.categories,
    level: row.level,
    durationDays: row.durationDays,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    grantId: row.grantId,
    clinician: {
      id: row.clinician.id,
      name: row.clinician.name,
      role: row.clinician.role,
      specialty: row.clinician.clinicianProfile?.specialty ?? null,
      organization: row.clinician.clinicianProfile?.organization ?? null,
    },
  }));
  return listed.sort((a, b) => Number(b.status === "PENDING") - Number(a.status === "PENDING"));
}
