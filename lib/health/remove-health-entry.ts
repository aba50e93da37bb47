// The patient removes an entry. Soft: the row stays with deletedAt set and
// its last values kept as a version (lists and the summary skip it), so a
// removal is audited and versioned like any other change. Optimistic like
// updateHealthEntry.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZRemoveHealthEntrySchema, type TRemoveHealthEntryInput } from "@/lib/validation/health";
import { parseInput } from "@/lib/validation/parse-input";
import { requireHealthAccess, type Actor } from "./health-access";
import { lockHealthEntry, writeHealthEntryVersion } from "./health-entry-writes";

export async function removeHealthEntry(options: { actor: Actor; input: TRemoveHealthEntryInput; context?: RequestContext }): Promise<{ entryId: string; version: number }> {
  const input = parseInput(ZRemoveHealthEntrySchema, options.input);
  const context = options.context ?? { ipAddress: null, userAgent: null };

  return db.$transaction(async (tx) => {
    const entry = await lockHealthEntry(tx, input.entryId);
    if (!entry || entry.deletedAt) throw new AppError("NOT_FOUND");
    const { actor } = await requireHealthAccess({ actor: options.actor, patientId: entry.patientId, action: "health:change", tx });
    if (entry.version !== input.expectedVersion) throw new AppError("CONFLICT");

    const removed = await writeHealthEntryVersion(tx, entry, { remove: true, changedById: actor.id });
    await recordAuditEvent(
      {
        action: "health_entry.removed",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: entry.patientId,
        targetType: "health_entry",
        targetId: entry.id,
        ...context,
        details: { kind: entry.kind, version: removed.version },
      },
      { tx },
    );
    return { entryId: entry.id, version: removed.version };
  });
}
