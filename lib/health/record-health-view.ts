// A clinician's look at a patient's health data goes on the patient's trail
// ("Who saw my data") before anything is shown: no audit row, no data. The
// patient's own views are not recorded (as for their records).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AccessActor } from "@/lib/authz/decide-access";
import type { Tx } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { accessDetails, type AllowedDecision } from "./health-access";

export async function recordHealthView(options: {
  actor: AccessActor;
  access: AllowedDecision;
  patientId: string;
  /** What was shown: "summary", a kind ("ALLERGY"), or "entry". */
  view: string;
  entryId?: string;
  context?: RequestContext;
  tx?: Tx;
}): Promise<void> {
  if (options.access.via === "owner") return;
  await recordAuditEvent(
    {
      action: "health_data.viewed",
      outcome: "ALLOWED",
      actorId: options.actor.id,
      actorRole: options.actor.role,
      patientId: options.patientId,
      targetType: options.entryId ? "health_entry" : "health_data",
      targetId: options.entryId ?? null,
      ...(options.context ?? {}),
      details: { view: options.view, ...accessDetails(options.access) },
    },
    { tx: options.tx },
  );
}
