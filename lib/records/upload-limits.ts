// Size limits per kind of upload, and the user-facing words for them.
import { env } from "@/lib/env";
import { UPLOAD_TYPES, type UploadType } from "@/lib/validation/records";

export function uploadLimitBytes(type: UploadType): number {
  return UPLOAD_TYPES[type].kind === "imaging" ? env().UPLOAD_MAX_BYTES_IMAGING : env().UPLOAD_MAX_BYTES_DOCUMENT;
}

/** "100 MB", "2 GB" (binary units, as the limits are configured). */
export function formatBytes(bytes: number): string {
  const GiB = 1024 ** 3;
  const MiB = 1024 ** 2;
  if (bytes >= GiB) return `${Number((bytes / GiB).toFixed(1))} GB`;
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export function tooLargeMessage(type: UploadType): string {
  const kind = UPLOAD_TYPES[type].kind === "imaging" ? "images and scans" : "documents";
  return `The file is larger than the ${formatBytes(uploadLimitBytes(type))} limit for ${kind}`;
}
