// The patient changes one of their entries. Optimistic: the edit carries the
// version it was made against and is refused (CONFLICT) when the entry moved
// on since, instead of overwriting a change the user never saw. The values it
// replaces are kept as a version; the audit row names the changed fields only.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZUpdateHealthEntrySchema, type TUpdateHealthEntryInput } from "@/lib/validation/health";
import { parseInput } from "@/lib/validation/parse-input";
import { requireHealthAccess, type Actor } from "./health-access";
import { changedFields, toHealthEntryView, type HealthEntryView } from "./health-entry-view";
import { lockHealthEntry, writeHealthEntryVersion } from "./health-entry-writes";
import { parseHealthData } from "./parse-health-data";

export async function updateHealthEntry(options: { actor: Actor; input: TUpdateHealthEntryInput; context?: RequestContext }): Promise<HealthEntryView> {
  const input = parseInput(ZUpdateHealthEntrySchema, options.input);
  const context = options.context ?? { ipAddress: null, userAgent: null };

  return db.$transaction(async (tx) => {
    const entry = await lockHealthEntry(tx, input.entryId);
    if (!entry || entry.deletedAt) throw new AppError("NOT_FOUND");
    const { actor } = await requireHealthAccess({ actor: options.actor, patientId: entry.patientId, action: "health:change", tx });
    const data = parseHealthData(entry.kind, input.data);
    if (entry.version !== input.expectedVersion) throw new AppError("CONFLICT");
    const fields = changedFields(entry.data as object, data);
    if (fields.length === 0) throw new AppError("VALIDATION_FAILED", "Nothing has changed yet. Change a value first.");

    const updated = await writeHealthEntryVersion(tx, entry, { data, changedById: actor.id });
    await recordAuditEvent(
      {
        action: "health_entry.updated",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: entry.patientId,
        targetType: "health_entry",
        targetId: entry.id,
        ...context,
        details: { kind: entry.kind, fields: fields.join(","), version: updated.version },
      },
      { tx },
    );
    return toHealthEntryView(updated);
  });
}
