// A small WebP thumbnail for the records list: images resized by sharp, PDFs'
// first page drawn by MuPDF (render-pdf-page.ts) and HEIC photos decoded by
// libheif (decode-heic.ts), then resized the same way.
// DICOM keeps its type icon: the list shows what a glance can read, and a
// windowed slice needs the viewer's choices (window/level, frame).
import sharp, { type Sharp } from "sharp";
import { z } from "zod";
import { db } from "@/lib/db";
import { decodeHeic } from "@/lib/images/decode-heic";
import { defineJob } from "@/lib/jobs/define-job";
import { recordBlob } from "../record-blobs";
import { renderPdfFirstPage } from "../render-pdf-page";

const THUMBNAIL_SOURCE_TYPES = new Set(["image/jpeg", "image/png", "image/tiff", "image/heic", "image/heif", "application/pdf"]);
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
  // A PDF MuPDF cannot draw (password, damage) or a HEIC libheif cannot decode keeps its icon; retrying would not change that.
  const source = await thumbnailSource(record.mimeType, file);
  if (!source) return { made: false };
  const thumbnail = await source
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

async function thumbnailSource(mimeType: string, file: Buffer): Promise<Sharp | null> {
  if (mimeType === "application/pdf") {
    const page = await renderPdfFirstPage({ bytes: file, maxSide: THUMBNAIL_SIDE });
    return page ? sharp(page) : null;
  }
  if (mimeType === "image/heic" || mimeType === "image/heif") {
    // libheif applies the photo's rotation while decoding; sharp's rotate() then finds no EXIF to act on.
    const photo = await decodeHeic(file);
    return photo ? sharp(photo.data, { raw: { width: photo.width, height: photo.height, channels: photo.channels } }) : null;
  }
  return sharp(file, { failOn: "none" });
}

export const makeThumbnailJob = defineJob({
  type: "make-thumbnail",
  payload: z.object({ recordId: z.string().min(1).max(64) }),
  maxAttempts: 5,
  handler: async (payload) => {
    await makeThumbnail(payload);
  },
});
