// The background job's work for one record: read its bytes, categorize, apply.
// Idempotent (a re-run recomputes the automatic fields and never touches
// corrected ones), so the job queue may run it more than once.
//
// Size cap: files up to MAX_CATEGORIZE_BYTES are read whole. A larger DICOM file
// is read only up to the cap (its header comes first and parsing stops before the
// pixel data); a larger PDF or image is categorized from its name only, because
// pdf.js needs the whole file and a 50 MB+ image is no document scan. `readBlob`
// receives the cap so it can ask storage for a range instead of the whole blob.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { applyCategorization, type ApplyCategorizationResult } from "./apply-categorization";
import { categorizeDocument } from "./categorize";

export const MAX_CATEGORIZE_BYTES = 50 * 1024 * 1024;

export type ReadBlob = (blobName: string, options?: { maxBytes?: number }) => Promise<Buffer>;

export type CategorizeRecordResult = ApplyCategorizationResult | { outcome: "skipped"; reason: "not_ready" };

export async function categorizeRecord(options: { recordId: string; readBlob: ReadBlob; now?: Date }): Promise<CategorizeRecordResult> {
  const record = await db.record.findUnique({
    where: { id: options.recordId },
    select: { id: true, status: true, blobName: true, mimeType: true, originalName: true, sizeBytes: true },
  });
  if (!record) return { outcome: "missing" };
  if (record.status !== "READY") return { outcome: "skipped", reason: "not_ready" };

  const isDicom = record.mimeType === "application/dicom";
  const tooLarge = record.sizeBytes > BigInt(MAX_CATEGORIZE_BYTES);
  let bytes: Buffer;
  if (!tooLarge) bytes = await options.readBlob(record.blobName);
  else if (isDicom) bytes = (await options.readBlob(record.blobName, { maxBytes: MAX_CATEGORIZE_BYTES })).subarray(0, MAX_CATEGORIZE_BYTES);
  else bytes = Buffer.alloc(0);

  const started = Date.now();
  const result = await categorizeDocument({
    bytes,
    // An unread large file is categorized by name: no reader should try the empty buffer.
    mimeType: tooLarge && !isDicom ? "application/octet-stream" : record.mimeType,
    fileName: record.originalName,
    now: options.now,
  });
  if (tooLarge && !isDicom) result.notes.push(`content: files over ${MAX_CATEGORIZE_BYTES / 1024 / 1024} MB are categorized from the file name`);

  const applied = await applyCategorization({ recordId: record.id, result });
  // Identifiers, timings and the outcome only: never text, names or values.
  logger.info("categorization.applied", {
    recordId: record.id,
    outcome: applied.outcome,
    ms: Date.now() - started,
    unreadParts: result.notes.length,
  });
  return applied;
}
