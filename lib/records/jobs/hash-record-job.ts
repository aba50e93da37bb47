// The SHA-256 of a new record's file, computed after finalize so that finalize
// costs the same for any size. Streams the blob through createHash (never in
// memory) and only while it still has the ETag finalize verified: the server's
// lease should make a change impossible, so one is reported, never hashed.
// Until this runs the record is usable and its sha256 is null.
import { RestError } from "@azure/storage-blob";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { hashBlob } from "../inspect-upload";
import { isBlobNotFound, recordBlob } from "../record-blobs";

export type HashRecordOutcome = "stored" | "already_hashed" | "record_gone" | "blob_changed";

export async function hashRecord(options: { recordId: string; etag: string }): Promise<{ outcome: HashRecordOutcome }> {
  const record = await db.record.findUnique({ where: { id: options.recordId }, select: { id: true, blobName: true, sizeBytes: true, sha256: true } });
  if (!record) return { outcome: "record_gone" };
  if (record.sha256) return { outcome: "already_hashed" };

  let hashed: Awaited<ReturnType<typeof hashBlob>>;
  try {
    hashed = await hashBlob({ blob: recordBlob(record.blobName), etag: options.etag });
  } catch (error) {
    // deleteRecord removes the bytes before the row: gone for good if the row went too.
    if (isBlobNotFound(error) && !(await db.record.findUnique({ where: { id: record.id }, select: { id: true } }))) return { outcome: "record_gone" };
    if (error instanceof RestError && error.statusCode === 412) {
      logger.error("records.hash_blob_changed", { recordId: record.id });
      return { outcome: "blob_changed" };
    }
    throw error;
  }
  if (!hashed.ok || BigInt(hashed.size) !== record.sizeBytes) {
    logger.error("records.hash_blob_changed", { recordId: record.id, reason: "size" });
    return { outcome: "blob_changed" };
  }
  // Only into an empty field: a retry or a second worker never overwrites.
  const { count } = await db.record.updateMany({ where: { id: record.id, sha256: null }, data: { sha256: hashed.sha256 } });
  return { outcome: count === 1 ? "stored" : "already_hashed" };
}

export const hashRecordJob = defineJob({
  type: "hash-record",
  payload: z.object({ recordId: z.string().min(1).max(64), etag: z.string().min(1).max(200) }),
  maxAttempts: 8,
  handler: async (payload, ctx) => {
    const result = await hashRecord(payload);
    logger.info("records.hashed", { jobId: ctx.jobId, recordId: payload.recordId, outcome: result.outcome });
  },
});
