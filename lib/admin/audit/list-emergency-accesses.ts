// Emergency accesses for admin review: those running now (within their 4 hours,
// not ended) and past ones, with who opened whose records, why, and how they
// ended. The reason may hold medical context: shown to admins here, never logged.
import { EMERGENCY_ACCESS_MS } from "@/lib/authz/grant-rules";
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { db } from "@/lib/db";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

export const EMERGENCY_PAST_LIMIT = 100;

export interface EmergencyAccessRow {
  grantId: string;
  openedAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  endedBy: { id: string; name: string | null; role: Role } | null;
  reason: string | null;
  clinician: { id: string; name: string | null; email: string; role: Role };
  patient: { id: string; name: string | null; email: string };
  state: "open" | "ended" | "expired";
}

export async function listEmergencyAccesses(options: { adminId: string; now?: Date }): Promise<{ open: EmergencyAccessRow[]; past: EmergencyAccessRow[] }> {
  await requireActiveAdmin({ adminId: options.adminId });
  const now = options.now ?? new Date();
  const openWhere: Prisma.GrantWhereInput = { origin: "EMERGENCY", revokedAt: null, expiresAt: { gt: now }, createdAt: { gt: new Date(now.getTime() - EMERGENCY_ACCESS_MS) } };
  const include = {
    grantee: { select: { id: true, name: true, email: true, role: true } },
    patient: { select: { id: true, name: true, email: true } },
    revokedBy: { select: { id: true, name: true, role: true } },
  } as const;
  const [open, past] = await Promise.all([
    db.grant.findMany({ where: openWhere, orderBy: { createdAt: "desc" }, include }),
    db.grant.findMany({ where: { AND: [{ origin: "EMERGENCY" }, { NOT: openWhere }] }, orderBy: { createdAt: "desc" }, take: EMERGENCY_PAST_LIMIT, include }),
  ]);
  const toRow = (grant: (typeof open)[number]): EmergencyAccessRow => {
    const hardEnd = new Date(grant.createdAt.getTime() + EMERGENCY_ACCESS_MS);
    const endsAt = grant.expiresAt < hardEnd ? grant.expiresAt : hardEnd;
    return {
      grantId: grant.id,
      openedAt: grant.createdAt,
      endsAt,
      endedAt: grant.revokedAt,
      endedBy: grant.revokedBy,
      reason: grant.reason,
      clinician: grant.grantee,
      patient: grant.patient,
      state: grant.revokedAt ? "ended" : endsAt.getTime() > now.getTime() ? "open" : "expired",
    };
  };
  return { open: open.map(toRow), past: past.map(toRow) };
}
