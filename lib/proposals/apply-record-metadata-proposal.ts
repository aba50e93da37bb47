// Applies an approved RECORD_METADATA proposal inside the decision's
// transaction, only if the record is still at the version the clinician saw;
// otherwise nothing is written and the proposal is OUTDATED. Like the owner's
// own correction, the values replaced are kept as a RecordVersion, the version
// is bumped, and the changed fields join correctedFields so automatic
// categorization never overwrites the approved values.
import type { Tx } from "@/lib/db";
import type { EditProposal, Prisma } from "@/lib/generated/prisma/client";
import { recordDataFromAfter, recordMetadataSnapshot, RECORD_METADATA_SELECT, type RecordMetadataSnapshot } from "./record-metadata-snapshot";

export async function applyRecordMetadataProposal(options: { tx: Tx; proposal: EditProposal; approverId: string }): Promise<"applied" | "outdated"> {
  const { tx, proposal, approverId } = options;
  if (!proposal.recordId || proposal.baseVersion === null) return "outdated";
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Record" WHERE "id" = ${proposal.recordId} FOR UPDATE`;
  if (locked.length === 0) return "outdated";
  const record = await tx.record.findUnique({
    where: { id: proposal.recordId },
    select: { ...RECORD_METADATA_SELECT, ownerId: true, status: true, version: true, correctedFields: true },
  });
  if (!record || record.ownerId !== proposal.patientId || record.status !== "READY" || record.version !== proposal.baseVersion) return "outdated";

  const after = (proposal.after ?? {}) as Partial<RecordMetadataSnapshot>;
  const fields = Object.keys(after);
  await tx.recordVersion.create({
    data: {
      recordId: proposal.recordId,
      version: record.version,
      changedById: approverId,
      previous: { ...recordMetadataSnapshot(record), correctedFields: record.correctedFields, proposalId: proposal.id } satisfies Prisma.InputJsonObject,
    },
  });
  const { count } = await tx.record.updateMany({
    where: { id: proposal.recordId, version: proposal.baseVersion },
    data: { ...recordDataFromAfter(after), correctedFields: [...new Set([...record.correctedFields, ...fields])], version: { increment: 1 } },
  });
  // Cannot happen under the row lock; if it ever did, the version row above rolls back with the error.
  if (count !== 1) throw new Error("record changed under its lock");
  return "applied";
}
