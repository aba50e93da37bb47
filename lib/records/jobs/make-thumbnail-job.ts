// A small WebP thumbnail for the records list: images resized by sharp, PDFs'
// first page drawn by MuPDF (render-pdf-page.ts) and then resized the same way.
// DICOM keeps its type icon: the list shows what a glance can read, and a
// windowed slice needs the viewer's choices (window/level, frame).
import sharp from "sharp";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { recordBlob } from "../record-blobs";
import { renderPdfFirstPage } from "../render-pdf-page";

const THUMBNAIL_SOURCE_TYPES = new Set(["image/jpeg", "image/png", "image/tiff", "application/pdf"]);
const THUMBNAIL_SIDE = 480;
// Larger files are left with an icon rather than pulled whole into memory.
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
  const file = await recordBlob(record.blobName).downloadToBuffer();
  // A PDF MuPDF cannot draw (password, damage) keeps its icon; retrying would not change that.
  const source = record.mimeType === "application/pdf" ? await renderPdfFirstPage({ bytes: file, maxSide: THUMBNAIL_SIDE }) : file;
  if (!source) return { made: false };
  const thumbnail = await sharp(source, { failOn: "none" })
    .rotate()
    .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
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
