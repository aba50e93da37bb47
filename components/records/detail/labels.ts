// Words for the record enums, as patients read them (the enum labels live in lib).
import { IMAGING_MODALITY_LABELS, RECORD_CATEGORY_LABELS } from "@/lib/records/labels";

export const CATEGORY_LABELS: Readonly<Record<string, string>> = RECORD_CATEGORY_LABELS;
export const MODALITY_LABELS: Readonly<Record<string, string>> = IMAGING_MODALITY_LABELS;

export const TYPE_LABELS: Record<string, string> = {
  "application/pdf": "PDF document",
  "image/jpeg": "JPEG image",
  "image/png": "PNG image",
  "image/heic": "HEIC image",
  "image/heif": "HEIF image",
  "image/tiff": "TIFF image",
  "application/dicom": "DICOM image",
  "text/plain": "Text file",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
};

export const categoryLabel = (value: string | null) => (value ? (CATEGORY_LABELS[value] ?? value) : "Not sorted yet");
export const modalityLabel = (value: string) => MODALITY_LABELS[value] ?? value;
export const typeLabel = (mimeType: string) => TYPE_LABELS[mimeType] ?? mimeType;

/** 1536 -> "1.5 KB": binary steps, one decimal below 10. */
export function formatSize(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
