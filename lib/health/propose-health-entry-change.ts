// A clinician whose grant allows it (CONTRIBUTE or PROPOSE_EDITS, scope ALL:
// lib/authz/health-access.ts) proposes a change to an entry or a new entry.
// Nothing in the patient's data changes: an EditProposal is stored with the
// version the clinician saw, and the patient is told (EDIT_PROPOSED) to
// approve or reject it; approval runs applyHealthEntryProposal. A change made
// against an older version than the current one is refused (CONFLICT): the
// clinician proposes on what the patient has now. The audit row and the
// notification hold ids, the kind and field names only (the
// notification not even the kind: it may go out by email).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HealthEntryKind, Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { ZProposeHealthEntryChangeSchema, type TProposeHealthEntryChangeInput } from "@/lib/validation/health";
import { parseInput } from "@/lib/validation/parse-input";
import { accessDetails, requireHealthAccess, type Actor } from "./health-access";
import { changedFields, toStoredData } from "./health-entry-view";
import { lockHealthEntry } from "./health-entry-writes";
import { parseHealthData } from "./parse-health-data";

export async function proposeHealthEntryChange(options: {
  actor: Actor;
  input: TProposeHealthEntryChangeInput;
  context?: RequestContext;
}): Promise<{ proposalId: string }> {
  const input = parseInput(ZProposeHealthEntryChangeSchema, options.input);
  const context = options.context ?? { ipAddress: null, userAgent: null };

  return db.$transaction(async (tx) => {
    const { actor, access } = await requireHealthAccess({ actor: options.actor, patientId: input.patientId, action: "health:propose", tx });

    let kind: HealthEntryKind;
    let before: Prisma.InputJsonObject | null = null;
    let baseVersion: number | null = null;
    if (input.entryId) {
      const entry = await lockHealthEntry(tx, input.entryId);
      if (!entry || entry.deletedAt || entry.patientId !== input.patientId) throw new AppError("NOT_FOUND");
      if (entry.version !== input.baseVersion) throw new AppError("CONFLICT", "The patient's entry changed after you opened it. Reload to see the latest version, then propose your change again.");
      kind = entry.kind;
      before = entry.data as Prisma.InputJsonObject;
      baseVersion = entry.version;
    } else {
      kind = input.kind!;
    }
    const after = parseHealthData(kind, input.data);
    const fields = changedFields(before, after);
    if (before && fields.length === 0) throw new AppError("VALIDATION_FAILED", "Nothing has changed yet. Change a value first.");

    const proposal = await tx.editProposal.create({
      data: {
        patientId: input.patientId,
        proposedById: actor.id,
        target: "HEALTH_ENTRY",
        healthEntryId: input.entryId ?? null,
        healthKind: kind,
        baseVersion,
        before: before ?? undefined,
        after: toStoredData(after),
        note: input.note ?? null,
      },
      select: { id: true },
    });

    await recordAuditEvent(
      {
        action: "health_entry.change_proposed",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: input.patientId,
        targetType: "edit_proposal",
        targetId: proposal.id,
        ...context,
        details: { kind, healthEntryId: input.entryId ?? null, fields: fields.join(","), newEntry: !input.entryId, ...accessDetails(access) },
      },
      { tx },
    );

    const proposer = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
    const who = proposer?.name?.trim() || "A clinician you share with";
    await notify({
      tx,
      userId: input.patientId,
      type: "EDIT_PROPOSED",
      title: input.entryId ? `${who} proposed a change to your health data` : `${who} proposed a new entry for your health data`,
      body: "It is waiting for your review. Nothing changes until you approve it.",
      link: "/patient/proposals",
    });
    return { proposalId: proposal.id };
  });
}
