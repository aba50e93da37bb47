// What an uploaded blob really is: its type from the magic bytes (file-type,
// plus our own DICOM check), read with small range reads so finalize costs the
// same for 1 KiB and 2 GiB; and its SHA-256, streamed (never held in memory) by
// the hash-record job after finalize. Every read is pinned to one ETag.
import { createHash } from "node:crypto";
import type { BlockBlobClient } from "@azure/storage-blob";
import { UPLOAD_TYPES, type UploadType } from "@/lib/validation/records";

const HEAD_BYTES = 4100; // file-type's "reasonable detection size"
// Word writes [Content_Types].xml first, but other producers put it later.
const ZIP_HEAD_BYTES = 1024 * 1024;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const HEIF_FAMILY = ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"];
const TEXTUAL = (mime: string | undefined) => mime === undefined || mime.startsWith("text/") || mime === "application/xml" || mime === "image/svg+xml";

async function readRange(blob: BlockBlobClient, etag: string, count: number): Promise<Buffer> {
  const response = await blob.download(0, count, { conditions: { ifMatch: etag } });
  const chunks: Buffer[] = [];
  for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function detectMime(bytes: Buffer): Promise<string | undefined> {
  // file-type is ESM-only: load it natively (see tests/setup/jest-swc-transformer.cjs).
  const { fileTypeFromBuffer } = await import("file-type");
  return (await fileTypeFromBuffer(bytes))?.mime;
}

export type ContentCheck = { ok: true; mimeType: string } | { ok: false; reason: string; code: string };

function mismatch(declaredType: UploadType): ContentCheck {
  const label = UPLOAD_TYPES[declaredType].label;
  const article = /^[aeiou]/i.test(label) ? "an" : "a";
  return { ok: false, code: "content_mismatch", reason: `The file's content is not ${article} ${label} although it was sent as one` };
}

/** Compares the file's magic bytes with the declared type; returns the verified MIME type. */
export async function checkContentType(options: { blob: BlockBlobClient; etag: string; size: number; declaredType: UploadType }): Promise<ContentCheck> {
  const { blob, etag, size, declaredType } = options;
  const head = await readRange(blob, etag, Math.min(HEAD_BYTES, size));
  const detected = await detectMime(head);
  switch (declaredType) {
    case "application/dicom":
      // Part 10 files: a 128-byte preamble, then "DICM" (file-type may or may not say so).
      return head.length >= 132 && head.toString("latin1", 128, 132) === "DICM" ? { ok: true, mimeType: declaredType } : mismatch(declaredType);
    case "text/plain":
      // Whether it is UTF-8 without NUL is decided over the whole file in hashBlob (finalize, text only).
      return TEXTUAL(detected) ? { ok: true, mimeType: "text/plain" } : mismatch(declaredType);
    case "image/heic":
      return detected && HEIF_FAMILY.includes(detected) ? { ok: true, mimeType: detected } : mismatch(declaredType);
    case "image/png":
      return detected === "image/png" || detected === "image/apng" ? { ok: true, mimeType: "image/png" } : mismatch(declaredType);
    case DOCX: {
      let found = detected;
      if (found === "application/zip" && size > head.length) found = await detectMime(await readRange(blob, etag, Math.min(ZIP_HEAD_BYTES, size)));
      return found === DOCX ? { ok: true, mimeType: DOCX } : mismatch(declaredType);
    }
    default:
      return detected === declaredType ? { ok: true, mimeType: declaredType } : mismatch(declaredType);
  }
}

export type HashResult = { ok: true; sha256: string; size: number } | { ok: false; reason: string; code: string };

/**
 * Streams the blob once: SHA-256, byte count and, for text, strict UTF-8 without NUL.
 * Throws a RestError 412 when the blob no longer has `etag` (changed or replaced).
 */
export async function hashBlob(options: { blob: BlockBlobClient; etag: string; text?: boolean }): Promise<HashResult> {
  const response = await options.blob.download(0, undefined, { conditions: { ifMatch: options.etag }, maxRetryRequests: 5 });
  const hash = createHash("sha256");
  const decoder = options.text ? new TextDecoder("utf-8", { fatal: true }) : undefined;
  let size = 0;
  let textProblem = false;
  for await (const raw of response.readableStreamBody ?? []) {
    const chunk = raw as Buffer;
    hash.update(chunk);
    size += chunk.length;
    if (decoder && !textProblem) {
      try {
        decoder.decode(chunk, { stream: true });
        if (chunk.includes(0)) textProblem = true;
      } catch {
        textProblem = true;
      }
    }
  }
  if (decoder && !textProblem) {
    try {
      decoder.decode();
    } catch {
      textProblem = true;
    }
  }
  if (textProblem) return { ok: false, code: "not_utf8_text", reason: "The file's content is not plain UTF-8 text although it was sent as a text file" };
  return { ok: true, sha256: hash.digest("hex"), size };
}
