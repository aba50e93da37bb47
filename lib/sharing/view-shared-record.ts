// A clinician opens one of a patient's records: the access decision for that
// record (NOT_FOUND when denied, missing or someone else's patient), the
// "record.viewed" audit row written before anything is shown (fail closed:
// no row, no page), and whether the record may also be downloaded.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { decideAccess, resolveAccessActor } from "@/lib/authz/decide-access";
import { findAccessibleRecord } from "@/lib/authz/records";
import { AppError } from "@/lib/errors";
import type { StoredRecord } from "@/lib/records/stored-record";
import type { RequestContext } from "@/lib/http/request-context";
import { ZRecordIdSchema } from "@/lib/validation/records";
import type { SharingActor } from "./sharing-actor";

export async function viewSharedRecord(options: {
  actor: SharingActor;
  patientId: string;
  recordId: string;
  context: RequestContext;
}): Promise<{ record: StoredRecord; canDownload: boolean; via: "grant" | "emergency" }> {
  const recordId = ZRecordIdSchema.safeParse(options.recordId);
  if (!recordId.success || options.actor.role === "PATIENT") throw new AppError("NOT_FOUND");
  const record = await findAccessibleRecord({ actor: options.actor, recordId: recordId.data, action: "view" });
  if (record.ownerId !== options.patientId || record.access.via === "owner") throw new AppError("NOT_FOUND");
  const { access, ...row } = record;

  await recordAuditEvent({
    action: "record.viewed",
    outcome: "ALLOWED",
    actorId: options.actor.id,
    actorRole: options.actor.role,
    patientId: row.ownerId,
    targetType: "record",
    targetId: row.id,
    ...options.context,
    details: { via: access.via, grantId: access.grantId, emergency: access.via === "emergency" },
  });

  const actor = await resolveAccessActor(options.actor);
  const download = await decideAccess({ actor, patientId: row.ownerId, action: "download", record: { id: row.id, ownerId: row.ownerId, category: row.category } });
  return { record: row, canDownload: download.allowed, via: access.via };
}
