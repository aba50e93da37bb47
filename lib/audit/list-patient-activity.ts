// "Who saw my data": every audit event about the signed-in patient's data,
// newest first, filtered by who, what and when, in plain words. Only the
// patient themself can list it (the filter is always their own id), and it
// shows names and record titles they may see anyway, never anything from the
// events' details beyond the facts needed for the sentence.
import { db } from "@/lib/db";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "@/lib/sharing/sharing-actor";
import { parseInput } from "@/lib/validation/parse-input";
import { ZActivityQuerySchema, type ActivityGroup, type TActivityQuery } from "./activity-schema";
import { describeActivity } from "./describe-activity";
import { personLabel } from "./person-label";

export { personLabel };

export const ACTIVITY_PAGE_SIZE = 25;

const GROUP_WHERE: Record<ActivityGroup, Prisma.AuditEventWhereInput> = {
  views: { action: { in: ["record.viewed", "record.previewed", "record.thumbnails_listed", "record.search_results_shown", "health_data.viewed", "health_entry.viewed"] } },
  downloads: { action: { in: ["record.downloaded"] } },
  sharing: { OR: [{ action: { startsWith: "grant." } }, { action: { startsWith: "access_request." } }] },
  emergency: { OR: [{ action: { startsWith: "emergency." } }, { details: { path: ["emergency"], equals: true } }] },
  proposals: { OR: [{ action: { startsWith: "proposal." } }, { action: "health_entry.change_proposed" }] },
  changes: {
    action: { in: ["record.uploaded", "record.metadata_corrected", "record.archived", "record.restored", "record.deleted", "health_entry.created", "health_entry.updated", "health_entry.removed"] },
  },
  exports: { action: { contains: "export" } },
};

export type ActivityActor = { kind: "you" } | { kind: "person"; id: string; name: string; role: Role } | { kind: "admin" } | { kind: "system" };

export interface ActivityItem {
  id: string;
  occurredAt: Date;
  actor: ActivityActor;
  /** What the actor did, in plain words, e.g. "viewed “MRI knee”". */
  description: string;
  denied: boolean;
  emergency: boolean;
}

export interface ActivityPage {
  items: ActivityItem[];
  total: number;
  page: number;
  pageCount: number;
  query: TActivityQuery;
  /** The people who appear in the trail, for the "who" filter. */
  people: { id: string; label: string }[];
}

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

function detailString(details: Prisma.JsonValue | null, key: string): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

export async function listPatientActivity(options: { actor: SharingActor; query?: unknown }): Promise<ActivityPage> {
  const patient = await requireSharingActor({ actor: options.actor, permission: "own_data:manage" });
  const query = parseInput(ZActivityQuerySchema, options.query ?? {});

  const filters: Prisma.AuditEventWhereInput[] = [{ patientId: patient.id }];
  if (query.who === "me") filters.push({ actorId: patient.id });
  else if (query.who === "others") filters.push({ OR: [{ actorId: null }, { actorId: { not: patient.id } }] });
  else if (query.who) filters.push({ actorId: query.who });
  if (query.what) filters.push(GROUP_WHERE[query.what]);
  if (query.from) filters.push({ occurredAt: { gte: dayStart(query.from) } });
  if (query.to) filters.push({ occurredAt: { lt: nextDayStart(query.to) } });
  const where: Prisma.AuditEventWhereInput = { AND: filters };

  const [rows, total, actorGroups] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: { id: true, occurredAt: true, actorId: true, actorRole: true, action: true, outcome: true, targetType: true, targetId: true, details: true },
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.groupBy({ by: ["actorId"], where: { patientId: patient.id, actorId: { not: null } } }),
  ]);

  // Names of everyone involved, and titles of the records that still exist (the patient's own only).
  const otherIds = rows.flatMap((row) => [detailString(row.details, "granteeId"), detailString(row.details, "clinicianId")]).filter((id): id is string => Boolean(id));
  const userIds = [...new Set([...actorGroups.map((group) => group.actorId!), ...otherIds])];
  const recordIds = [...new Set(rows.filter((row) => row.targetType === "record" && row.targetId).map((row) => row.targetId!))];
  const [users, records] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, role: true } }),
    db.record.findMany({ where: { id: { in: recordIds }, ownerId: patient.id }, select: { id: true, originalName: true } }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const recordName = new Map(records.map((record) => [record.id, record.originalName]));

  const actorOf = (actorId: string | null, role: Role | null): ActivityActor => {
    if (actorId === patient.id) return { kind: "you" };
    const user = actorId ? userById.get(actorId) : undefined;
    if ((user?.role ?? role) === "ADMIN") return { kind: "admin" };
    if (user) return { kind: "person", id: user.id, name: personLabel(user), role: user.role };
    return actorId ? { kind: "person", id: actorId, name: "A deleted account", role: role ?? "PATIENT" } : { kind: "system" };
  };

  const items = rows.map((row): ActivityItem => {
    const otherId = detailString(row.details, "granteeId") ?? detailString(row.details, "clinicianId");
    const other = otherId ? userById.get(otherId) : undefined;
    const details = row.details as Record<string, unknown> | null;
    return {
      id: String(row.id),
      occurredAt: row.occurredAt,
      actor: actorOf(row.actorId, row.actorRole),
      description: describeActivity({
        action: row.action,
        outcome: row.outcome,
        recordName: row.targetType === "record" && row.targetId ? (recordName.get(row.targetId) ?? null) : null,
        otherName: other ? personLabel(other) : null,
        byPatient: row.actorId === patient.id,
      }),
      denied: row.outcome === "DENIED",
      emergency: row.action.startsWith("emergency.") || details?.emergency === true,
    };
  });

  const people = actorGroups
    .map((group) => group.actorId!)
    .filter((id) => id !== patient.id)
    .map((id) => {
      const user = userById.get(id);
      return { id, label: user ? (user.role === "ADMIN" ? "MedVault administrators" : personLabel(user)) : "A deleted account" };
    })
    .sort((a, b) => a.label.localeCompare(b.label));

  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)), query, people };
}
