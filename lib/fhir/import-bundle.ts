// Imports a Bundle into the patient's own health data: the preview's plan,
// recomputed inside one transaction, written with each entry's sourceKey, so
// importing the same Bundle again (or twice at once: the unique index on
// patientId + sourceKey) adds nothing. One audit event with counts only.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { dayToDate } from "@/lib/validation/health";
import { planImport, requireImportingPatient } from "./preview-import";

export async function importBundle(options: {
  actor: { id: string; role: Role };
  text: string;
  context: RequestContext;
}): Promise<{ created: number; existing: number; skipped: number; notImported: number }> {
  const { actor } = options;
  requireImportingPatient(actor);
  return db.$transaction(async (tx) => {
    const plan = await planImport({ patientId: actor.id, text: options.text, tx });
    const { count } = await tx.healthEntry.createMany({
      data: plan.toCreate.map((item) => ({
        patientId: actor.id,
        kind: item.kind,
        data: item.data as Prisma.InputJsonValue,
        effectiveAt: item.day ? dayToDate(item.day) : null,
        sourceKey: item.sourceKey,
        createdById: actor.id,
        updatedById: actor.id,
      })),
      skipDuplicates: true,
    });
    const result = { created: count, existing: plan.counts.existing + (plan.toCreate.length - count), skipped: plan.counts.skipped, notImported: plan.counts.notImported };
    await recordAuditEvent(
      {
        action: "health.imported",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: actor.id,
        targetType: "health_entry",
        ...options.context,
        details: { format: "fhir-r4-bundle", ...result },
      },
      { tx },
    );
    return result;
  });
}
