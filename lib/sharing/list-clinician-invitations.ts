// The patient's invitations still waiting for the clinician to join and be
// verified (lapsed ones are left out: they can no longer become a share).
import { db } from "@/lib/db";
import type { GrantLevel, GrantScope } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface PendingInvitation {
  id: string;
  email: string;
  scope: GrantScope;
  categories: string[];
  recordCount: number;
  level: GrantLevel;
  expiresAt: Date;
  inviteExpiresAt: Date;
  createdAt: Date;
}

export async function listClinicianInvitations(options: { actor: SharingActor; now?: Date; limit?: number }): Promise<PendingInvitation[]> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const rows = await db.clinicianInvitation.findMany({
    where: { patientId: patient.id, status: "PENDING", inviteExpiresAt: { gt: now }, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 100),
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    scope: row.scope,
    categories: row.categories,
    recordCount: row.recordIds.length,
    level: row.level,
    expiresAt: row.expiresAt,
    inviteExpiresAt: row.inviteExpiresAt,
    createdAt: row.createdAt,
  }));
}
