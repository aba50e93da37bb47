// The JSON-safe view of a HealthEntry that pages, actions and the FHIR export
// receive: `data` parsed with its kind's schema (typed by kind), dates as ISO
// strings. Medical content: render escaped, never log.
import type { HealthEntry, HealthEntryKind, Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { safeParseHealthData, type HealthDataByKind } from "@/lib/validation/health";

interface HealthEntryViewBase {
  id: string;
  patientId: string;
  version: number;
  /** "YYYY-MM-DD" of effectiveAt, or null. */
  effectiveDay: string | null;
  sourceKey: string | null;
  createdById: string | null;
  updatedById: string | null;
  createdAt: string;
  updatedAt: string;
}

export type HealthEntryView = { [K in HealthEntryKind]: HealthEntryViewBase & { kind: K; data: HealthDataByKind[K] } }[HealthEntryKind];
export type HealthEntryViewOf<K extends HealthEntryKind> = Extract<HealthEntryView, { kind: K }>;

/** Stored data parsed again; a row that no longer parses (schema tightened later) is shown as stored. */
export function parseStoredHealthData<K extends HealthEntryKind>(kind: K, data: Prisma.JsonValue, entryId?: string): HealthDataByKind[K] {
  const parsed = safeParseHealthData(kind, data);
  if (parsed.success) return parsed.data;
  logger.warn("health.stored_data_invalid", { entryId, kind, fields: parsed.error.issues.map((issue) => issue.path.join(".")).join(",") });
  return data as unknown as HealthDataByKind[K];
}

export function toHealthEntryView(entry: HealthEntry): HealthEntryView {
  return {
    id: entry.id,
    patientId: entry.patientId,
    kind: entry.kind,
    data: parseStoredHealthData(entry.kind, entry.data, entry.id),
    version: entry.version,
    effectiveDay: entry.effectiveAt ? entry.effectiveAt.toISOString().slice(0, 10) : null,
    sourceKey: entry.sourceKey,
    createdById: entry.createdById,
    updatedById: entry.updatedById,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  } as HealthEntryView;
}

/** Data as stored in the JSON column: no undefined keys. */
export function toStoredData(data: object): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(data)) as Prisma.InputJsonObject;
}

/** The names of the fields that differ between two versions of an entry's data (for audit details: names only). */
export function changedFields(before: object | null | undefined, after: object): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}
