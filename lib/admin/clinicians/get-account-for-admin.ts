// One account as the admin's detail page shows it: identity, standing, the
// clinician profile and the admin decisions about it from the audit trail.
// Admin accounts are not managed here and read as missing. Nothing medical is
// read: this module never touches records or health data.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuditOutcome, Role, UserStatus } from "@/lib/generated/prisma/client";
import { requireActiveAdmin } from "../require-admin";

export const ADMIN_ACCOUNT_ACTIONS = ["admin.clinician_verified", "admin.user_suspended", "admin.user_reactivated"] as const;
const HISTORY_LIMIT = 50;

export interface AdminHistoryEntry {
  id: string;
  occurredAt: Date;
  action: string;
  outcome: AuditOutcome;
  actor: { id: string; name: string | null; email: string } | null;
  reason: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface AccountForAdmin {
  id: string;
  name: string | null;
  email: string;
  emailVerified: Date | null;
  role: Role;
  status: UserStatus;
  twoFactorEnabled: boolean;
  createdAt: Date;
  profile: {
    licenseNumber: string;
    specialty: string;
    organization: string;
    verifiedAt: Date | null;
    verifiedBy: { name: string | null; email: string } | null;
  } | null;
  history: AdminHistoryEntry[];
}

export async function getAccountForAdmin(options: { adminId: string; userId: string }): Promise<AccountForAdmin> {
  await requireActiveAdmin({ adminId: options.adminId });
  const user = await db.user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      status: true,
      totpEnabledAt: true,
      createdAt: true,
      clinicianProfile: {
        select: { licenseNumber: true, specialty: true, organization: true, verifiedAt: true, verifiedBy: { select: { name: true, email: true } } },
      },
    },
  });
  if (!user || user.role === "ADMIN") throw new AppError("NOT_FOUND");

  const events = await db.auditEvent.findMany({
    where: { targetType: "user", targetId: user.id, action: { in: [...ADMIN_ACCOUNT_ACTIONS] } },
    orderBy: { id: "desc" },
    take: HISTORY_LIMIT,
    select: { id: true, occurredAt: true, action: true, outcome: true, actorId: true, details: true, ipAddress: true, userAgent: true },
  });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];

  const { totpEnabledAt, clinicianProfile, ...rest } = user;
  return {
    ...rest,
    twoFactorEnabled: totpEnabledAt !== null,
    profile: clinicianProfile,
    history: events.map((event) => {
      const details = event.details as Record<string, unknown> | null;
      return {
        id: event.id.toString(),
        occurredAt: event.occurredAt,
        action: event.action,
        outcome: event.outcome,
        actor: actors.find((actor) => actor.id === event.actorId) ?? null,
        reason: typeof details?.reason === "string" ? details.reason : null,
        ipAddress: event.ipAddress,
        userAgent: event.userAgent,
      };
    }),
  };
}
