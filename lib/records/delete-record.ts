// The owner deletes a record for good: file (and thumbnail) first, then the
// row (its versions cascade) with a tombstone audit row. If storage refuses,
// the row stays, so the user never sees a record whose file is half gone
// unnoticed; retrying is safe because blob deletion is idempotent.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findAccessibleRecord, recordOwnerWhereFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";
import { ZRecordIdSchema } from "@/lib/validation/records";
import { parseInput } from "@/lib/validation/parse-input";
import { deleteRecordBlob } from "./record-blobs";

export async function deleteRecord(options: { actor: Actor; recordId: string; context: RequestContext }): Promise<{ recordId: string }> {
  const { actor } = options;
  const recordId = parseInput(ZRecordIdSchema, options.recordId);
  const record = await findAccessibleRecord({ actor, recordId, ownerOnly: true });

  try {
    if (record.thumbnailBlobName) await deleteRecordBlob(record.thumbnailBlobName);
    await deleteRecordBlob(record.blobName);
  } catch (error) {
    logger.error("records.delete_blob_failed", { recordId: record.id, error: errorLabel(error) });
    throw new AppError("SERVICE_UNAVAILABLE", "The file could not be deleted right now. Nothing was removed; please try again.");
  }

  await db.$transaction(async (tx) => {
    const { count } = await tx.record.deleteMany({ where: { AND: [{ id: record.id }, recordOwnerWhereFor({ actor })] } });
    if (count === 0) throw new AppError("NOT_FOUND"); // deleted concurrently
    // Postgres search documents go with the row (cascade); other engines drop theirs in this job.
    await enqueueSearchIndex({ recordId: record.id, tx });
    await recordAuditEvent(
      {
        action: "record.deleted",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: record.ownerId,
        targetType: "record",
        targetId: record.id,
        ...options.context,
        // A tombstone without content or file name: enough to match a later export or dispute.
        details: { recordId: record.id, mimeType: record.mimeType, sizeBytes: Number(record.sizeBytes), sha256: record.sha256, category: record.category },
      },
      { tx },
    );
  });
  return { recordId: record.id };
}
