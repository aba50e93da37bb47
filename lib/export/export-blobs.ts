// Where export ZIPs live (the records container, under exports/) and the names
// of the files inside a ZIP. Names come from ids; the original file name is
// kept for the patient, made safe for every unzip tool.
import { recordsContainer } from "@/lib/storage/blob-service";

export const EXPORT_PREFIX = "exports/";

export function exportBlobName(options: { userId: string; exportId: string }): string {
  return `${EXPORT_PREFIX}${options.userId}/${options.exportId}.zip`;
}

export function exportBlob(blobName: string) {
  return recordsContainer().getBlockBlobClient(blobName);
}

/** A file name without path separators, controls, or characters Windows refuses; at most 120 characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/^\.+/, "_")
    .trim();
  const limited = cleaned.length > 120 ? `${cleaned.slice(0, 80)}…${cleaned.slice(-39)}` : cleaned;
  return limited || "file";
}

/** The path of a record's file inside the ZIP: one folder per record, so equal names never collide. */
export function zipPathOf(record: { id: string; originalName: string }): string {
  return `files/${record.id}/${safeFileName(record.originalName)}`;
}

/** The same path as a relative URL (Attachment.url in bundle.json). */
export function zipUrlOf(record: { id: string; originalName: string }): string {
  return zipPathOf(record).split("/").map(encodeURIComponent).join("/");
}

export const BUNDLE_FILE = "bundle.json";
