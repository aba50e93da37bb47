// The writes every change of a HealthEntry shares (a patient's own edit, a
// removal, an approved proposal): the row locked, the values it had kept as a
// HealthEntryVersion, the new values written with the version bumped. Inside
// the caller's transaction, next to its audit row.
import type { Tx } from "@/lib/db";
import type { HealthEntry, HealthEntryKind, Prisma } from "@/lib/generated/prisma/client";
import { computeEffectiveAt, type THealthEntryContent } from "@/lib/validation/health";
import { toStoredData } from "./health-entry-view";

/** The entry, locked until the transaction ends (a second edit waits), or null. */
export async function lockHealthEntry(tx: Tx, entryId: string): Promise<HealthEntry | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "HealthEntry" WHERE "id" = ${entryId} FOR UPDATE`;
  return rows[0] ? tx.healthEntry.findUnique({ where: { id: entryId } }) : null;
}

export async function createHealthEntry(
  tx: Tx,
  options: { patientId: string; kind: HealthEntryKind; data: object; authorId: string; sourceKey?: string | null },
): Promise<HealthEntry> {
  const content = { kind: options.kind, data: options.data } as THealthEntryContent;
  return tx.healthEntry.create({
    data: {
      patientId: options.patientId,
      kind: options.kind,
      data: toStoredData(options.data),
      effectiveAt: computeEffectiveAt(content),
      sourceKey: options.sourceKey ?? null,
      createdById: options.authorId,
      updatedById: options.authorId,
    },
  });
}

/**
 * Keeps `entry` as it is now (its version number) in HealthEntryVersion, then
 * writes the change and bumps the version. `entry` must be locked and at the
 * version the change was made against.
 */
export async function writeHealthEntryVersion(
  tx: Tx,
  entry: HealthEntry,
  change: { data?: object; remove?: boolean; changedById: string },
): Promise<HealthEntry> {
  await tx.healthEntryVersion.create({
    data: {
      entryId: entry.id,
      version: entry.version,
      changedById: change.changedById,
      previous: {
        kind: entry.kind,
        data: entry.data as Prisma.InputJsonValue,
        effectiveAt: entry.effectiveAt?.toISOString() ?? null,
        deletedAt: entry.deletedAt?.toISOString() ?? null,
      } satisfies Prisma.InputJsonObject,
    },
  });
  const data = change.data;
  return tx.healthEntry.update({
    where: { id: entry.id, version: entry.version },
    data: {
      ...(data && { data: toStoredData(data), effectiveAt: computeEffectiveAt({ kind: entry.kind, data } as THealthEntryContent) }),
      ...(change.remove && { deletedAt: new Date() }),
      updatedById: change.changedById,
      version: { increment: 1 },
    },
  });
}
