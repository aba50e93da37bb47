// Applies an approved HEALTH_ENTRY proposal inside the approval transaction
// (lib/proposals/decide-proposal.ts owns the proposal's status, its audit row
// and the clinician's notification). A change applies only while the entry is
// still at the version the clinician saw: otherwise, or when it was removed,
// nothing changes and the answer is "outdated". A new entry (healthEntryId
// null, healthKind set) is created and linked to the proposal. The data is
// checked against its kind's schema again: the schema is the rule, whenever
// the proposal was made. The change is versioned and audited like the
// patient's own edit (field names only), marked with the proposal's id.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EditProposal } from "@/lib/generated/prisma/client";
import { changedFields } from "./health-entry-view";
import { createHealthEntry, lockHealthEntry, writeHealthEntryVersion } from "./health-entry-writes";
import { parseHealthData } from "./parse-health-data";

export async function applyHealthEntryProposal(options: { tx: Tx; proposal: EditProposal; approverId: string }): Promise<"applied" | "outdated"> {
  const { tx, proposal, approverId } = options;
  // Only the patient the proposal is about approves it.
  if (proposal.target !== "HEALTH_ENTRY" || proposal.patientId !== approverId) throw new AppError("NOT_FOUND");
  const approver = await tx.user.findUnique({ where: { id: approverId }, select: { role: true } });
  if (!approver) throw new AppError("NOT_FOUND");
  const audit = (action: string, entryId: string, details: Record<string, string | number>) =>
    recordAuditEvent(
      {
        action,
        outcome: "ALLOWED",
        actorId: approverId,
        actorRole: approver.role,
        patientId: proposal.patientId,
        targetType: "health_entry",
        targetId: entryId,
        details: { ...details, proposalId: proposal.id, proposedById: proposal.proposedById ?? "" },
      },
      { tx },
    );

  if (!proposal.healthEntryId) {
    if (!proposal.healthKind) return "outdated";
    const data = parseHealthData(proposal.healthKind, proposal.after);
    const entry = await createHealthEntry(tx, { patientId: proposal.patientId, kind: proposal.healthKind, data, authorId: approverId });
    await tx.editProposal.update({ where: { id: proposal.id }, data: { healthEntryId: entry.id } });
    await audit("health_entry.created", entry.id, { kind: entry.kind, version: entry.version });
    return "applied";
  }

  const entry = await lockHealthEntry(tx, proposal.healthEntryId);
  if (!entry || entry.deletedAt || entry.patientId !== proposal.patientId || entry.version !== proposal.baseVersion) return "outdated";
  const data = parseHealthData(entry.kind, proposal.after);
  const fields = changedFields(entry.data as object, data);
  const updated = await writeHealthEntryVersion(tx, entry, { data, changedById: approverId });
  await audit("health_entry.updated", entry.id, { kind: entry.kind, fields: fields.join(","), version: updated.version });
  return "applied";
}
