// A short read-only link for showing a file in the browser (inline). Only
// images and PDFs are shown as themselves; plain text and DICOM are fetched by
// the record page's script and drawn by it (text in a <pre>, DICOM by the
// viewer), never navigated to. Anything else a browser might run or sniff into
// something else is downloaded instead. Previews come from the storage origin,
// never ours, so even a hostile file cannot reach our cookies or pages.
import type { StoredRecord } from "./stored-record";
import { issueReadUrl, type IssuedReadUrl, type IssueReadUrlOptions } from "./issue-read-url";

export const PREVIEWABLE_TYPES: readonly string[] = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/tiff",
  "image/heic",
  "image/heif",
  "text/plain",
  "application/dicom",
];

export function canPreview(record: Pick<StoredRecord, "mimeType">): boolean {
  return PREVIEWABLE_TYPES.includes(record.mimeType);
}

export function issuePreviewUrl(options: IssueReadUrlOptions): Promise<IssuedReadUrl> {
  return issueReadUrl({
    ...options,
    disposition: "inline",
    action: "record.previewed",
    allow: canPreview,
    refusal: "This file cannot be previewed. Download it instead.",
  });
}
