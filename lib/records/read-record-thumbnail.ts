// The bytes of a record's list thumbnail, for the thumbnail route. The same
// access decision as a preview (lib/authz): a record the actor may not preview,
// one without a thumbnail and one that does not exist are all NOT_FOUND.
//
// Thumbnails are WebP files we made ourselves (make-thumbnail-job.ts re-encodes
// every source through sharp), never the user's bytes, which is why they may be
// served from our own origin rather than through a storage SAS.
//
// No audit row here: see audit-thumbnails-listed.ts (once per list view).
import { findAccessibleRecord, type Actor } from "@/lib/authz/records";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { ZRecordIdSchema } from "@/lib/validation/records";
import { isBlobNotFound, recordBlob } from "./record-blobs";

export interface RecordThumbnail {
  bytes: Buffer;
  contentType: "image/webp";
}

export async function readRecordThumbnail(options: { actor: Actor; recordId: string }): Promise<RecordThumbnail> {
  const recordId = parseInput(ZRecordIdSchema, options.recordId);
  const record = await findAccessibleRecord({ actor: options.actor, recordId, action: "preview" });
  if (!record.thumbnailBlobName) throw new AppError("NOT_FOUND");
  try {
    return { bytes: await recordBlob(record.thumbnailBlobName).downloadToBuffer(), contentType: "image/webp" };
  } catch (error) {
    // Deleted with its record a moment ago: the same answer as no thumbnail.
    if (isBlobNotFound(error)) throw new AppError("NOT_FOUND");
    throw error;
  }
}
