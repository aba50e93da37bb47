// The patient approves or rejects a proposed change. Rejecting changes nothing
// but the proposal. Approving applies it only if its target is still at the
// version the clinician saw (RECORD_METADATA here, HEALTH_ENTRY in lib/health);
// otherwise the proposal becomes OUTDATED and nothing else changes. Only the
// patient the proposal is about may decide; anyone else gets NOT_FOUND. Every
// decision is audited and told to the clinician, all in one transaction.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { EditProposal, ProposalStatus } from "@/lib/generated/prisma/client";
import { applyHealthEntryProposal } from "@/lib/health/apply-health-entry-proposal";
import type { RequestContext } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { requireSharingActor, type SharingActor } from "@/lib/sharing/sharing-actor";
import { parseInput } from "@/lib/validation/parse-input";
import { applyRecordMetadataProposal } from "./apply-record-metadata-proposal";
import { ZDecideProposalSchema, type TDecideProposalInput } from "./schemas";

export type ProposalDecision = Extract<ProposalStatus, "APPROVED" | "REJECTED" | "OUTDATED">;

const AUDIT_ACTION: Record<ProposalDecision, string> = {
  APPROVED: "proposal.approved",
  REJECTED: "proposal.rejected",
  OUTDATED: "proposal.outdated",
};

function applyProposal(options: { tx: Tx; proposal: EditProposal; approverId: string }): Promise<"applied" | "outdated"> {
  switch (options.proposal.target) {
    case "RECORD_METADATA":
      return applyRecordMetadataProposal(options);
    case "HEALTH_ENTRY":
      return applyHealthEntryProposal(options);
    default:
      return Promise.resolve("outdated");
  }
}

const CLINICIAN_MESSAGE: Record<ProposalDecision, { type: "EDIT_APPROVED" | "EDIT_REJECTED"; title: string; body: string }> = {
  APPROVED: { type: "EDIT_APPROVED", title: "Your proposed change was approved", body: "The patient approved your change and it is now applied." },
  REJECTED: { type: "EDIT_REJECTED", title: "Your proposed change was declined", body: "The patient declined your change. Nothing was changed." },
  OUTDATED: {
    type: "EDIT_REJECTED",
    title: "Your proposed change could not be applied",
    body: "The patient approved it, but the data had changed since you proposed it, so nothing was changed. Propose again from the current version.",
  },
};

export async function decideProposal(options: {
  actor: SharingActor;
  input: TDecideProposalInput;
  context: RequestContext;
  now?: Date;
}): Promise<{ status: ProposalDecision }> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "own_data:manage" });
  const { proposalId, decision } = parseInput(ZDecideProposalSchema, options.input);

  return db.$transaction(async (tx) => {
    // Locks the proposal: a double click or a second tab decides once.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "EditProposal" WHERE "id" = ${proposalId} AND "patientId" = ${patient.id} FOR UPDATE`;
    const proposal = locked.length ? await tx.editProposal.findUnique({ where: { id: proposalId } }) : null;
    if (!proposal || proposal.patientId !== patient.id) throw new AppError("NOT_FOUND");
    if (proposal.status !== "PENDING") throw new AppError("CONFLICT", "This proposal was already decided. Reload to see its outcome.");

    const status: ProposalDecision =
      decision === "reject" ? "REJECTED" : (await applyProposal({ tx, proposal, approverId: patient.id })) === "applied" ? "APPROVED" : "OUTDATED";
    await tx.editProposal.update({ where: { id: proposal.id }, data: { status, decidedAt: now } });

    const target = proposal.target === "RECORD_METADATA" ? { targetType: "record", targetId: proposal.recordId } : { targetType: "health_entry", targetId: proposal.healthEntryId };
    await recordAuditEvent(
      {
        action: AUDIT_ACTION[status],
        outcome: "ALLOWED",
        actorId: patient.id,
        actorRole: patient.role,
        patientId: patient.id,
        ...target,
        ...options.context,
        details: { proposalId: proposal.id, target: proposal.target, proposedById: proposal.proposedById, fields: Object.keys((proposal.after ?? {}) as object).join(",") },
      },
      { tx },
    );
    if (proposal.proposedById) {
      const message = CLINICIAN_MESSAGE[status];
      await notify({ tx, userId: proposal.proposedById, type: message.type, title: message.title, body: message.body, link: "/clinician/proposals" });
    }
    return { status };
  });
}
