// Step 2 of an upload: the browser says it is done; we check what really
// arrived (size from the blob's properties, type from its magic bytes: a few
// KiB whatever the file's size) and either turn the slot into a READY record
// or reject it and delete the bytes. The SHA-256 is computed afterwards by the
// hash-record job (jobs/hash-record-job.ts), pinned to the ETag seen here.
// Idempotent, and safe when called many times at once: a conditional update of
// the PENDING slot (to FINALIZED or REJECTED) decides the one winner, and the
// others report what it decided.
import type { UploadSlot } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canUploadFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZSlotIdSchema, ZUploadTypeSchema } from "@/lib/validation/records";
import { afterRecordReady } from "./after-record-ready";
import { checkContentType, hashBlob } from "./inspect-upload";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { errorLabel, logger } from "@/lib/logger";
import { parseInput } from "@/lib/validation/parse-input";
import { deleteRecordBlob, isBlobNotFound, leaseRecordBlob, recordBlob } from "./record-blobs";
import { toRecordSummary, type RecordSummary } from "./record-summary";
import { tooLargeMessage, uploadLimitBytes } from "./upload-limits";

export type FinalizeUploadResult = { outcome: "ready"; record: RecordSummary } | { outcome: "rejected"; reason: string };

const EXPIRED_REASON = "The upload was not finished in time. Please upload the file again.";
const SIZE_MISMATCH = "The file that arrived is not the size that was announced. Please upload it again.";
const NOT_UPLOADED = "The file has not been uploaded completely yet. Upload it again, then finish.";

class LostFinalizeRace extends Error {}

/** What a slot that is no longer PENDING means for the caller. */
async function settledResult(slot: Pick<UploadSlot, "status" | "recordId" | "rejectionReason">): Promise<FinalizeUploadResult | undefined> {
  if (slot.status === "FINALIZED" && slot.recordId) {
    const record = await db.record.findUnique({ where: { id: slot.recordId } });
    // Finalized, then deleted by its owner: nothing to return any more.
    if (!record) throw new AppError("NOT_FOUND");
    return { outcome: "ready", record: toRecordSummary(record) };
  }
  if (slot.status === "REJECTED") return { outcome: "rejected", reason: slot.rejectionReason ?? "The file was not accepted." };
  if (slot.status === "EXPIRED") return { outcome: "rejected", reason: EXPIRED_REASON };
  return undefined;
}

async function reread(slotId: string): Promise<FinalizeUploadResult> {
  const slot = await db.uploadSlot.findUniqueOrThrow({ where: { id: slotId } });
  const result = await settledResult(slot);
  if (!result) throw new AppError("CONFLICT", "This upload is still being checked. Try again in a moment.");
  return result;
}

export async function finalizeUpload(options: { actor: Actor; slotId: string; context: RequestContext }): Promise<FinalizeUploadResult> {
  const { actor, context } = options;
  const slotId = parseInput(ZSlotIdSchema, options.slotId);
  const slot = await db.uploadSlot.findFirst({ where: { id: slotId, uploadedById: actor.id } });
  // The uploader, and only while they may still upload for that patient.
  if (!slot || !(await canUploadFor({ actor, patientId: slot.ownerId }))) throw new AppError("NOT_FOUND");
  const settled = await settledResult(slot);
  if (settled) return settled;

  const declaredType = ZUploadTypeSchema.parse(slot.declaredType);
  const audit = { actorId: actor.id, actorRole: actor.role, patientId: slot.ownerId, ...context };

  const reject = async (code: string, reason: string): Promise<FinalizeUploadResult> => {
    // The verdict first, then the bytes: once the blob is gone (and a concurrent
    // finalize's read fails on it), the slot already says REJECTED and why.
    const marked = await db.$transaction(async (tx) => {
      const { count } = await tx.uploadSlot.updateMany({ where: { id: slot.id, status: "PENDING" }, data: { status: "REJECTED", rejectionReason: reason } });
      if (count === 1) {
        await recordAuditEvent({ ...audit, action: "record.uploaded", outcome: "DENIED", targetType: "upload_slot", targetId: slot.id, details: { reason: code } }, { tx });
        // Should the delete below fail (storage down), this job deletes the bytes later.
        await enqueueJob({ type: "delete-rejected-upload", payload: { slotId: slot.id }, runAt: new Date(Date.now() + 60_000), tx });
      }
      return count === 1;
    });
    if (!marked) return reread(slot.id);
    try {
      await deleteRecordBlob(slot.blobName);
    } catch (error) {
      logger.warn("records.rejected_upload_delete_failed", { slotId: slot.id, error: errorLabel(error) });
    }
    return { outcome: "rejected", reason };
  };

  const blob = recordBlob(slot.blobName);
  try {
    // Freeze the bytes before looking at them (see record-blobs.ts).
    await leaseRecordBlob(slot.blobName);
  } catch (error) {
    // Only staged blocks, or nothing at all: not a verdict on the file, the client may retry.
    if (isBlobNotFound(error)) {
      const current = await db.uploadSlot.findUniqueOrThrow({ where: { id: slot.id } });
      const result = await settledResult(current);
      if (result) return result;
      throw new AppError("VALIDATION_FAILED", NOT_UPLOADED);
    }
    throw error;
  }

  type Verified = { mimeType: string; size: number; etag: string; sha256: string | null };
  const inspect = async (): Promise<({ ok: true } & Verified) | { ok: false; code: string; reason: string }> => {
    const properties = await blob.getProperties();
    const size = properties.contentLength ?? 0;
    const etag = properties.etag ?? "*";
    if (size > uploadLimitBytes(declaredType)) return { ok: false, code: "too_large", reason: tooLargeMessage(declaredType) };
    if (BigInt(size) !== slot.declaredSize) return { ok: false, code: "size_mismatch", reason: SIZE_MISMATCH };
    const content = await checkContentType({ blob, etag, size, declaredType });
    if (!content.ok) return content;
    if (declaredType !== "text/plain") return { ok: true, mimeType: content.mimeType, size, etag, sha256: null };
    // Plain text is the one type whose verdict needs every byte (strict UTF-8, no NUL):
    // that read yields the hash too, so the hash-record job has nothing left to do.
    const text = await hashBlob({ blob, etag, text: true });
    if (!text.ok) return text;
    if (text.size !== size) return { ok: false, code: "size_mismatch", reason: SIZE_MISMATCH };
    return { ok: true, mimeType: content.mimeType, size, etag, sha256: text.sha256 };
  };

  let verified: Verified;
  try {
    const checked = await inspect();
    if (!checked.ok) return reject(checked.code, checked.reason);
    verified = checked;
  } catch (error) {
    // A concurrent finalize rejected the file and deleted the blob under us
    // (storage 404 or 412): the slot already holds its verdict, so report that.
    const current = await db.uploadSlot.findUnique({ where: { id: slot.id } });
    const result = current && (await settledResult(current));
    if (result) return result;
    throw error;
  }
  const { mimeType, size, etag, sha256 } = verified;

  try {
    const record = await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.uploadSlot.updateMany({ where: { id: slot.id, status: "PENDING" }, data: { status: "FINALIZED", finalizedAt: now } });
      if (count === 0) throw new LostFinalizeRace();
      const created = await tx.record.create({
        data: {
          ownerId: slot.ownerId,
          uploadedById: slot.uploadedById,
          blobName: slot.blobName,
          originalName: slot.originalName,
          mimeType,
          sizeBytes: BigInt(size),
          sha256,
          status: "READY",
        },
      });
      await tx.uploadSlot.update({ where: { id: slot.id }, data: { recordId: created.id } });
      // Usable at once; the checksum follows (pinned to the bytes checked above).
      if (!sha256) await enqueueJob({ type: "hash-record", payload: { recordId: created.id, etag }, tx });
      await recordAuditEvent(
        { ...audit, action: "record.uploaded", outcome: "ALLOWED", targetType: "record", targetId: created.id, details: { slotId: slot.id, mimeType, sizeBytes: size } },
        { tx },
      );
      await afterRecordReady({ recordId: created.id, tx });
      return created;
    });
    return { outcome: "ready", record: toRecordSummary(record) };
  } catch (error) {
    // Another finalize (or the sweeper) settled the slot first: report what it decided.
    if (error instanceof LostFinalizeRace || (error instanceof Error && "code" in error && error.code === "P2002")) return reread(slot.id);
    throw error;
  }
}
