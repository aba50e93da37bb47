// The records of one patient that a clinician may see right now, newest first
// or by date of service: the patient's list filtered by recordWhereForActor
// (the grants in force, emergency included), never the patient's archive.
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { recordWhereForActor } from "@/lib/authz/record-where";
import { db } from "@/lib/db";
import type { RecordCategory } from "@/lib/generated/prisma/client";
import { toRecordSummary, type RecordSummary } from "@/lib/records/record-summary";
import { ZGrantIdSchema } from "@/lib/validation/sharing";
import type { SharingActor } from "./sharing-actor";

export const SHARED_RECORDS_LIMIT = 200;

export async function listSharedRecords(options: {
  actor: SharingActor;
  patientId: string;
  category?: RecordCategory;
  limit?: number;
}): Promise<{ records: RecordSummary[]; truncated: boolean }> {
  const parsed = ZGrantIdSchema.safeParse(options.patientId);
  if (!parsed.success) return { records: [], truncated: false };
  const actor = await resolveAccessActor(options.actor);
  // Owners use the patient pages; here the filter is only ever the grantee's.
  if (!actor || actor.role === "PATIENT") return { records: [], truncated: false };
  const access = await recordWhereForActor({ actor, patientId: parsed.data, action: "view" });
  const limit = Math.min(Math.max(options.limit ?? SHARED_RECORDS_LIMIT, 1), 500);
  const rows = await db.record.findMany({
    where: { AND: [access, { ownerId: parsed.data, status: "READY" }, ...(options.category ? [{ category: options.category }] : [])] },
    orderBy: [{ dateOfService: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return { records: rows.slice(0, limit).map(toRecordSummary), truncated: rows.length > limit };
}
