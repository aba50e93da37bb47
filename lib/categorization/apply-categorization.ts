// Writes an automatic categorization to its record. Fields the user corrected
// (Record.correctedFields) are never overwritten, by the first run or any re-run.
//
// The row is locked (SELECT ... FOR UPDATE) while the corrected fields are read
// and the update is made, so a correction committing at the same moment is
// either seen here or made after this write; never lost. The record version is
// not bumped: it counts user edits, and an automatic value can never replace one.
import { db, type Tx } from "@/lib/db";
import type { Prisma, RecordCategory } from "@/lib/generated/prisma/client";
import { enqueueSearchIndex } from "@/lib/search/enqueue-search-index";
import { isoToDbDate } from "./rules/calendar";
import type { CategorizationResult } from "./types";

/** Fields categorization fills in. A name in correctedFields protects its field. */
export const AUTO_FIELDS = ["category", "dateOfService", "modality", "bodyPart", "sourceProvider", "keywords"] as const;
export type AutoField = (typeof AUTO_FIELDS)[number];

export type ApplyCategorizationResult = { outcome: "applied"; applied: AutoField[]; kept: AutoField[] } | { outcome: "missing" };

/** Bumped when the shape of Record.categorization changes. */
const CATEGORIZATION_FORMAT = 1;

async function apply(tx: Tx, recordId: string, result: CategorizationResult): Promise<ApplyCategorizationResult> {
  const rows = await tx.$queryRaw<Array<{ category: RecordCategory | null; correctedFields: string[] }>>`
    SELECT "category", "correctedFields" FROM "Record" WHERE "id" = ${recordId} FOR UPDATE`;
  const current = rows[0];
  if (!current) return { outcome: "missing" };

  const corrected = new Set(current.correctedFields);
  const effectiveCategory = corrected.has("category") ? current.category : result.category;
  const imaging = effectiveCategory === "IMAGING";
  const values: Record<AutoField, unknown> = {
    category: result.category,
    dateOfService: result.dateOfService ? isoToDbDate(result.dateOfService) : null,
    // Modality and body part describe images only: cleared when the (possibly corrected) category is not imaging.
    modality: imaging ? (result.modality ?? null) : null,
    bodyPart: imaging ? (result.bodyPart ?? null) : null,
    sourceProvider: result.sourceProvider ?? null,
    keywords: result.keywords,
  };
  const applied = AUTO_FIELDS.filter((field) => !corrected.has(field));
  const kept = AUTO_FIELDS.filter((field) => corrected.has(field));

  const data: Prisma.RecordUpdateInput = {
    ...Object.fromEntries(applied.map((field) => [field, values[field]])),
    categorization: { format: CATEGORIZATION_FORMAT, signals: result.signals, notes: result.notes, kept } as unknown as Prisma.InputJsonValue,
    categorizedAt: new Date(),
    extractedText: result.extractedText,
  };
  await tx.record.update({ where: { id: recordId }, data, select: { id: true } });
  await enqueueSearchIndex({ recordId, tx });
  return { outcome: "applied", applied, kept };
}

export async function applyCategorization(options: { recordId: string; result: CategorizationResult; tx?: Tx }): Promise<ApplyCategorizationResult> {
  if (options.tx) return apply(options.tx, options.recordId, options.result);
  return db.$transaction((tx) => apply(tx, options.recordId, options.result));
}
