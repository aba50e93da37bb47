// A small WebP thumbnail for image records, for the records list. PDFs and DICOM
// get a type icon instead: rendering their first page needs a canvas
// implementation that cannot be installed here (see README).
import sharp from "sharp";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { recordBlob } from "../record-blobs";

const THUMBNAIL_SOURCE_TYPES = new Set(["image/jpeg", "image/png", "image/tiff"]);
// Larger images are left with an icon rather than pulled whole into memory.
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export function thumbnailBlobName(options: { ownerId: string; recordId: string }) {
  return `thumbnails/${options.ownerId}/${options.recordId}.webp`;
}

export async function makeThumbnail(options: { recordId: string }): Promise<{ made: boolean }> {
  const record = await db.record.findUnique({
    where: { id: options.recordId },
    select: { id: true, ownerId: true, blobName: true, mimeType: true, sizeBytes: true, thumbnailBlobName: true },
  });
  if (!record || record.thumbnailBlobName || !THUMBNAIL_SOURCE_TYPES.has(record.mimeType) || record.sizeBytes > MAX_SOURCE_BYTES) {
    return { made: false };
  }
  const source = await recordBlob(record.blobName).downloadToBuffer();
  const thumbnail = await sharp(source, { failOn: "none" }).rotate().resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
  const name = thumbnailBlobName({ ownerId: record.ownerId, recordId: record.id });
  await recordBlob(name).uploadData(thumbnail, { blobHTTPHeaders: { blobContentType: "image/webp", blobCacheControl: "private, no-store" } });
  // Only if the record still exists and has none: a deleted record leaves no pointer behind.
  const { count } = await db.record.updateMany({ where: { id: record.id, thumbnailBlobName: null }, data: { thumbnailBlobName: name } });
  if (count === 0) await recordBlob(name).deleteIfExists();
  return { made: count === 1 };
}

export const makeThumbnailJob = defineJob({
  type: "make-thumbnail",
  payload: z.object({ recordId: z.string().min(1).max(64) }),
  maxAttempts: 5,
  handler: async (payload) => {
    await makeThumbnail(payload);
  },
});
