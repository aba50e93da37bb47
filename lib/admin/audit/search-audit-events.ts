// The admin's audit search: events filtered by user, patient, action, outcome
// and date, newest first, with the people's emails for reading. Identifiers
// and outcomes only; the trail never holds medical content.
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { db } from "@/lib/db";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation/parse-input";
import { auditWhere } from "./audit-where";
import { ZAdminAuditQuerySchema, type TAdminAuditQuery } from "./schemas";

export const ADMIN_AUDIT_PAGE_SIZE = 50;

export interface AdminAuditRow {
  id: string;
  occurredAt: Date;
  action: string;
  outcome: AuditOutcome;
  actor: { id: string; email: string | null; role: Role | null } | null;
  patient: { id: string; email: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: string | null;
  emergency: boolean;
}

export async function emailsById(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
}

export async function searchAuditEvents(options: { adminId: string; query?: unknown }) {
  await requireActiveAdmin({ adminId: options.adminId });
  const query: TAdminAuditQuery = parseInput(ZAdminAuditQuerySchema, options.query ?? {});
  const where = await auditWhere(query);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * ADMIN_AUDIT_PAGE_SIZE, take: ADMIN_AUDIT_PAGE_SIZE }),
    db.auditEvent.count({ where }),
  ]);
  const emails = await emailsById(rows.flatMap((row) => [row.actorId, row.patientId]));
  const items: AdminAuditRow[] = rows.map((row) => ({
    id: String(row.id),
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actor: row.actorId ? { id: row.actorId, email: emails.get(row.actorId) ?? null, role: row.actorRole } : null,
    patient: row.patientId ? { id: row.patientId, email: emails.get(row.patientId) ?? null } : null,
    targetType: row.targetType,
    targetId: row.targetId,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    details: row.details === null ? null : JSON.stringify(row.details),
    emergency: row.action.startsWith("emergency.") || (row.details as Record<string, unknown> | null)?.emergency === true,
  }));
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / ADMIN_AUDIT_PAGE_SIZE)), query };
}
