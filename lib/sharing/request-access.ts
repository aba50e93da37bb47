// A verified clinician asks a patient (named by email or patient code) for
// access, with a reason, scope, level and duration. The answer is the same
// whether or not such a patient exists, so the form cannot be used to find out
// who has an account; unknown names leave a DENIED audit row for admins.
// A second request while one is pending replaces its terms.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/http/request-context";
import { requestAccessSchema, type TRequestAccessInput } from "@/lib/validation/sharing";
import { notifyAccessRequested } from "@/lib/notifications/events/sharing-events";
import { findPatientByIdentifier } from "./find-patient";
import { lockSharingPair } from "./lock-pair";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export type RequestAccessResult = { outcome: "submitted" };
const SUBMITTED: RequestAccessResult = { outcome: "submitted" };

export async function requestAccess(options: { actor: SharingActor; input: TRequestAccessInput; context: RequestContext }): Promise<RequestAccessResult> {
  const clinician = await requireSharingActor({ actor: options.actor, permission: "access_requests:create" });
  const input = parseInput(requestAccessSchema({ maxDays: env().GRANT_MAX_DAYS }), options.input);
  const audit = { actorId: clinician.id, actorRole: clinician.role, ...options.context };

  const patient = await findPatientByIdentifier({ identifier: input.patient });
  if (!patient) {
    await recordAuditEvent({ ...audit, action: "access_request.created", outcome: "DENIED", details: { reason: "unknown_patient", by: input.patient.kind } });
    return SUBMITTED;
  }

  const terms = { reason: input.reason, scope: input.scope, categories: input.categories, level: input.level, durationDays: input.durationDays };
  await db.$transaction(async (tx) => {
    await lockSharingPair(tx, { patientId: patient.id, granteeId: clinician.id });
    const pending = await tx.accessRequest.findFirst({ where: { patientId: patient.id, clinicianId: clinician.id, status: "PENDING" }, select: { id: true } });
    const request = pending
      ? await tx.accessRequest.update({ where: { id: pending.id }, data: terms, select: { id: true } })
      : await tx.accessRequest.create({ data: { ...terms, patientId: patient.id, clinicianId: clinician.id }, select: { id: true } });
    await recordAuditEvent(
      {
        ...audit,
        action: pending ? "access_request.updated" : "access_request.created",
        outcome: "ALLOWED",
        patientId: patient.id,
        targetType: "access_request",
        targetId: request.id,
        details: { level: input.level, scope: input.scope, categoryCount: input.categories.length, durationDays: input.durationDays, by: input.patient.kind },
      },
      { tx },
    );
    await notifyAccessRequested({ tx, patientId: patient.id, clinicianId: clinician.id, updated: Boolean(pending) });
  });
  return SUBMITTED;
}
