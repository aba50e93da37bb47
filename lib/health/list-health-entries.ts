// A patient's entries of one kind (or all kinds), removed ones left out,
// newest first by the date they are about. The owner, or a clinician whose
// grant covers health data (lib/authz/health-access.ts); a clinician's view
// is audited first.
import { db } from "@/lib/db";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { ZListHealthEntriesSchema } from "@/lib/validation/health";
import { parseInput } from "@/lib/validation/parse-input";
import { requireHealthAccess, type Actor } from "./health-access";
import { toHealthEntryView, type HealthEntryView, type HealthEntryViewOf } from "./health-entry-view";
import { recordHealthView } from "./record-health-view";

export const HEALTH_LIST_LIMIT = 500;

export async function listHealthEntries<K extends HealthEntryKind>(options: {
  actor: Actor;
  patientId: string;
  kind: K;
  context?: RequestContext;
}): Promise<HealthEntryViewOf<K>[]>;
export async function listHealthEntries(options: { actor: Actor; patientId: string; kind?: undefined; context?: RequestContext }): Promise<HealthEntryView[]>;
export async function listHealthEntries(options: { actor: Actor; patientId: string; kind?: HealthEntryKind; context?: RequestContext }): Promise<HealthEntryView[]> {
  const input = parseInput(ZListHealthEntriesSchema, { patientId: options.patientId, kind: options.kind });
  const { actor, access } = await requireHealthAccess({ actor: options.actor, patientId: input.patientId, action: "health:view" });
  await recordHealthView({ actor, access, patientId: input.patientId, view: input.kind ?? "all", context: options.context });
  const rows = await db.healthEntry.findMany({
    where: { patientId: input.patientId, deletedAt: null, ...(input.kind && { kind: input.kind }) },
    orderBy: [{ effectiveAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    take: HEALTH_LIST_LIMIT,
  });
  return rows.map(toHealthEntryView);
}
