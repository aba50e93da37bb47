// The JSON-safe view of a record that route handlers and the UI receive
// (BigInt size as a number, no blob names, no extracted text).
import type { StoredRecord } from "./stored-record";

export interface RecordSummary {
  id: string;
  ownerId: string;
  /** null when the uploader's account was deleted (a former clinician). */
  uploadedById: string | null;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  /** null until the hash-record job has run (shortly after upload). */
  sha256: string | null;
  status: StoredRecord["status"];
  category: StoredRecord["category"];
  dateOfService: string | null;
  sourceProvider: string | null;
  hasThumbnail: boolean;
  version: number;
  createdAt: string;
  archivedAt: string | null;
}

export function toRecordSummary(record: StoredRecord): RecordSummary {
  return {
    id: record.id,
    ownerId: record.ownerId,
    uploadedById: record.uploadedById,
    originalName: record.originalName,
    mimeType: record.mimeType,
    sizeBytes: Number(record.sizeBytes),
    sha256: record.sha256,
    status: record.status,
    category: record.category,
    dateOfService: record.dateOfService ? record.dateOfService.toISOString().slice(0, 10) : null,
    sourceProvider: record.sourceProvider,
    hasThumbnail: record.thumbnailBlobName !== null,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    archivedAt: record.archivedAt?.toISOString() ?? null,
  };
}
