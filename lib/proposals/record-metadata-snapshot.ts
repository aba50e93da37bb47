// A record's metadata as a proposal sees it: the values a proposal may change,
// in the JSON form they are stored in (before/after, RecordVersion.previous).
import type { RecordCategory } from "@/lib/generated/prisma/client";
import { dbDateToIso, isoToDbDate } from "@/lib/categorization/rules/calendar";
import type { RecordProposalField, TRecordProposalChanges } from "./schemas";

export interface RecordMetadataSnapshot {
  category: RecordCategory | null;
  dateOfService: string | null;
  tags: string[];
  bodyPart: string | null;
  sourceProvider: string | null;
}

export const RECORD_METADATA_SELECT = { category: true, dateOfService: true, tags: true, bodyPart: true, sourceProvider: true } as const;

export function recordMetadataSnapshot(record: { category: RecordCategory | null; dateOfService: Date | null; tags: string[]; bodyPart: string | null; sourceProvider: string | null }): RecordMetadataSnapshot {
  return {
    category: record.category,
    dateOfService: record.dateOfService ? dbDateToIso(record.dateOfService) : null,
    tags: [...record.tags],
    bodyPart: record.bodyPart,
    sourceProvider: record.sourceProvider,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The proposed fields that differ from the current values: { before, after } of just those. */
export function diffAgainst(current: RecordMetadataSnapshot, changes: TRecordProposalChanges) {
  const before: Partial<RecordMetadataSnapshot> = {};
  const after: Partial<RecordMetadataSnapshot> = {};
  const fields: RecordProposalField[] = [];
  for (const field of Object.keys(changes) as RecordProposalField[]) {
    const value = changes[field];
    if (value === undefined || same(current[field], value)) continue;
    (before as Record<string, unknown>)[field] = current[field];
    (after as Record<string, unknown>)[field] = value;
    fields.push(field);
  }
  return { before, after, fields };
}

/** Prisma data for the record from a proposal's `after`. */
export function recordDataFromAfter(after: Partial<RecordMetadataSnapshot>) {
  return {
    ...(after.category !== undefined && after.category !== null && { category: after.category }),
    ...(after.dateOfService !== undefined && { dateOfService: after.dateOfService === null ? null : isoToDbDate(after.dateOfService as Parameters<typeof isoToDbDate>[0]) }),
    ...(after.tags !== undefined && { tags: after.tags }),
    ...(after.bodyPart !== undefined && { bodyPart: after.bodyPart }),
    ...(after.sourceProvider !== undefined && { sourceProvider: after.sourceProvider }),
  };
}
