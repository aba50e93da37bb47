// The Prisma filter for an admin audit query. A person named by email is
// looked up first; an email that matches nobody matches no event (never "all").
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAdminAuditQuery } from "./schemas";

async function personId(value: string, client: Tx | typeof db): Promise<string | null> {
  if (!value.includes("@")) return value;
  const user = await client.user.findUnique({ where: { email: value.toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

const MATCH_NOTHING: Prisma.AuditEventWhereInput = { id: { in: [] } };

export async function auditWhere(query: TAdminAuditQuery, client: Tx | typeof db = db): Promise<Prisma.AuditEventWhereInput> {
  const filters: Prisma.AuditEventWhereInput[] = [];
  if (query.user) {
    const id = await personId(query.user, client);
    filters.push(id ? { actorId: id } : MATCH_NOTHING);
  }
  if (query.patient) {
    const id = await personId(query.patient, client);
    filters.push(id ? { patientId: id } : MATCH_NOTHING);
  }
  if (query.action) filters.push(query.action.endsWith(".") ? { action: { startsWith: query.action } } : { action: query.action });
  if (query.outcome) filters.push({ outcome: query.outcome });
  if (query.from) filters.push({ occurredAt: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
  if (query.to) filters.push({ occurredAt: { lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  return { AND: filters };
}

/** The filters in use, for the audit row of an export (no free text beyond what an admin typed as a filter). */
export function describeFilters(query: TAdminAuditQuery): Record<string, string | null> {
  return {
    user: query.user || null,
    patient: query.patient || null,
    action: query.action || null,
    outcome: query.outcome ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
  };
}
