// A clinician holding a PROPOSE_EDITS grant proposes a change to a record's
// category, date of service, tags, body part or provider. Nothing changes on
// the record: the proposal keeps what the clinician saw (before, baseVersion)
// and the proposed values (after) until the patient decides. Access is decided
// by lib/authz (action "propose_edit"); anyone else, a VIEW-only clinician
// included, gets the same NOT_FOUND as for a record that does not exist, and
// the refused attempt is on the patient's trail. The audit row names the
// fields, never their values (medical content).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findAccessibleRecord, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation/parse-input";
import { diffAgainst, recordMetadataSnapshot } from "./record-metadata-snapshot";
import { ZCreateRecordMetadataProposalSchema, type TCreateRecordMetadataProposalInput } from "./schemas";

const ACTION = "proposal.created";

export async function createRecordMetadataProposal(options: {
  actor: Actor;
  input: TCreateRecordMetadataProposalInput;
  context: RequestContext;
}): Promise<{ proposalId: string }> {
  const { actor, context } = options;
  const input = parseInput(ZCreateRecordMetadataProposalSchema, options.input);
  const audit = { action: ACTION, actorId: actor.id, actorRole: actor.role, targetType: "record", targetId: input.recordId, ...context };

  try {
    return await db.$transaction(async (tx) => {
      // Locks the record: an approval or correction in flight finishes first, so baseVersion is exact.
      await tx.$queryRaw`SELECT "id" FROM "Record" WHERE "id" = ${input.recordId} FOR UPDATE`;
      const record = await findAccessibleRecord({ actor, recordId: input.recordId, action: "propose_edit", tx });
      // Owners correct their records directly; only a grant gives the right to propose.
      if (record.access.via !== "grant") throw new AppError("NOT_FOUND");
      if (record.status !== "READY") throw new AppError("NOT_FOUND");
      if (record.version !== input.baseVersion) {
        throw new AppError("CONFLICT", "This record was changed after you opened it. Reload to see the latest version, then propose your change again.");
      }

      const { before, after, fields } = diffAgainst(recordMetadataSnapshot(record), input.changes);
      if (fields.length === 0) throw new AppError("VALIDATION_FAILED", "Nothing differs from the record as it is. Change at least one field.");

      const proposal = await tx.editProposal.create({
        data: {
          patientId: record.ownerId,
          proposedById: actor.id,
          target: "RECORD_METADATA",
          recordId: record.id,
          baseVersion: record.version,
          before: before as Prisma.InputJsonObject,
          after: after as Prisma.InputJsonObject,
          note: input.note,
        },
        select: { id: true },
      });
      await recordAuditEvent(
        { ...audit, outcome: "ALLOWED", patientId: record.ownerId, details: { proposalId: proposal.id, target: "RECORD_METADATA", fields: fields.join(","), grantId: record.access.grantId } },
        { tx },
      );
      await notify({
        tx,
        userId: record.ownerId,
        type: "EDIT_PROPOSED",
        title: "A clinician proposed a change to one of your records",
        body: "Nothing changes until you approve it. Review the proposal to see what would change.",
        link: "/patient/proposals",
      });
      return { proposalId: proposal.id };
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      // Refused like a missing record, but an attempt on an existing record goes on its patient's trail.
      const owner = await db.record.findUnique({ where: { id: input.recordId }, select: { ownerId: true } });
      await recordAuditEvent({ ...audit, outcome: "DENIED", patientId: owner?.ownerId ?? null, details: { target: "RECORD_METADATA" } });
    }
    throw error;
  }
}
