// The JSON-safe view of one record that the record page hands to its client
// components: no blob names, no extracted text, BigInt as a number, calendar
// dates as "YYYY-MM-DD".
import { FORMER_CLINICIAN } from "@/lib/records/former-clinician";
import { parseSignals, type Signal } from "./signals";

export interface RecordView {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  status: "READY" | "ARCHIVED";
  category: string | null;
  dateOfService: string | null;
  modality: string | null;
  bodyPart: string | null;
  sourceProvider: string | null;
  tags: string[];
  correctedFields: string[];
  signals: Signal[];
  /** false while categorization is still running (categorizedAt is null). */
  categorized: boolean;
  /** A small WebP copy exists (the list's thumbnail): the page falls back to it where the browser cannot show the file. */
  hasThumbnail: boolean;
  uploadedBy: string;
  createdAt: string;
  version: number;
}

/** The row fields the view needs (a Prisma Record row fits). */
export interface RecordRowLike {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: bigint | number;
  status: string;
  category: string | null;
  dateOfService: Date | null;
  modality: string | null;
  bodyPart: string | null;
  sourceProvider: string | null;
  tags: string[];
  correctedFields: string[];
  categorization: unknown;
  categorizedAt: Date | null;
  thumbnailBlobName: string | null;
  /** null when the uploader deleted their account. */
  uploadedById: string | null;
  createdAt: Date;
  version: number;
}

export function toRecordView(row: RecordRowLike, options: { viewerId: string; uploaderName?: string | null }): RecordView {
  return {
    id: row.id,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: Number(row.sizeBytes),
    status: row.status === "ARCHIVED" ? "ARCHIVED" : "READY",
    category: row.category,
    // A @db.Date comes back as UTC midnight: its first ten characters are the calendar date.
    dateOfService: row.dateOfService ? row.dateOfService.toISOString().slice(0, 10) : null,
    modality: row.modality,
    bodyPart: row.bodyPart,
    sourceProvider: row.sourceProvider,
    tags: row.tags,
    correctedFields: row.correctedFields,
    signals: parseSignals(row.categorization),
    categorized: row.categorizedAt !== null,
    hasThumbnail: row.thumbnailBlobName !== null,
    uploadedBy:
      row.uploadedById === null ? FORMER_CLINICIAN : row.uploadedById === options.viewerId ? "You" : options.uploaderName?.trim() || "A member of your care team",
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
