// A clinician's own access requests, newest first: what they asked for and
// where each stands. The patient's name is shown only once the patient has
// answered; a pending request names nobody, so the list says no more about
// who has an account than the request form itself does (which answers the
// same for unknown patients).
import { db } from "@/lib/db";
import type { AccessRequestStatus, GrantLevel, GrantScope, RecordCategory } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface SentAccessRequest {
  id: string;
  status: AccessRequestStatus;
  scope: GrantScope;
  categories: RecordCategory[];
  level: GrantLevel;
  durationDays: number;
  createdAt: Date;
  decidedAt: Date | null;
  /** Only after the patient answered. */
  patient: { id: string; name: string | null } | null;
}

export async function listSentAccessRequests(options: { actor: SharingActor; limit?: number }): Promise<SentAccessRequest[]> {
  const clinician = await requireSharingActor({ actor: options.actor, permission: "access_requests:create" });
  const rows = await db.accessRequest.findMany({
    where: { clinicianId: clinician.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
    include: { patient: { select: { id: true, name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    scope: row.scope,
    categories: row.categories,
    level: row.level,
    durationDays: row.durationDays,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    patient: row.status === "PENDING" ? null : { id: row.patient.id, name: row.patient.name },
  }));
}
