// The patient adds an entry to their own health data (clinicians propose new
// entries instead: propose-health-entry-change.ts). The audit row names the
// kind only, never the values.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { ZAddHealthEntrySchema, type TAddHealthEntryInput } from "@/lib/validation/health";
import { parseInput } from "@/lib/validation/parse-input";
import { requireHealthAccess, type Actor } from "./health-access";
import { createHealthEntry } from "./health-entry-writes";
import { toHealthEntryView, type HealthEntryView } from "./health-entry-view";
import { parseHealthData } from "./parse-health-data";

export async function addHealthEntry(options: { actor: Actor; input: TAddHealthEntryInput; context?: RequestContext }): Promise<HealthEntryView> {
  const input = parseInput(ZAddHealthEntrySchema, options.input);
  const data = parseHealthData(input.kind, input.data);
  const context = options.context ?? { ipAddress: null, userAgent: null };

  return db.$transaction(async (tx) => {
    const { actor } = await requireHealthAccess({ actor: options.actor, patientId: input.patientId, action: "health:change", tx });
    const entry = await createHealthEntry(tx, { patientId: input.patientId, kind: input.kind, data, authorId: actor.id });
    await recordAuditEvent(
      {
        action: "health_entry.created",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: input.patientId,
        targetType: "health_entry",
        targetId: entry.id,
        ...context,
        details: { kind: input.kind, version: entry.version },
      },
      { tx },
    );
    return toHealthEntryView(entry);
  });
}
