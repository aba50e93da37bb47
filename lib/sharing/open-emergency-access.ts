// Emergency ("break the glass") access: a verified clinician opens a patient's
// records without a grant, with a written reason, view-only, for 4 hours. The
// audit row is marked { emergency: true }; the reason stays on the grant (it
// may hold medical context) where the patient and admins can read it.
// Opening again while one is running returns it unchanged: the 4 hours are not
// extended by asking again.
import { EMERGENCY_ACCESS_MS } from "@/lib/authz/grant-rules";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZOpenEmergencyAccessSchema, type TOpenEmergencyAccessInput } from "@/lib/validation/sharing";
import { afterEmergencyAccess } from "./after-emergency-access";
import { findPatientByIdentifier } from "./find-patient";
import { lockSharingPair } from "./lock-pair";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface OpenedEmergencyAccess {
  grantId: string;
  patientId: string;
  expiresAt: Date;
  outcome: "opened" | "already_open";
}

export async function openEmergencyAccess(options: {
  actor: SharingActor;
  input: TOpenEmergencyAccessInput;
  context: RequestContext;
  now?: Date;
}): Promise<OpenedEmergencyAccess> {
  const now = options.now ?? new Date();
  const clinician = await requireSharingActor({ actor: options.actor, permission: "emergency:open" });
  const input = parseInput(ZOpenEmergencyAccessSchema, options.input);
  const audit = { action: "emergency.opened", actorId: clinician.id, actorRole: clinician.role, ...options.context };

  const patient = await findPatientByIdentifier({ identifier: input.patient });
  if (!patient) {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { emergency: true, reason: "unknown_patient", by: input.patient.kind } });
    throw new AppError("NOT_FOUND", "No patient matches. Check the email address or patient code.");
  }

  return db.$transaction(async (tx) => {
    await lockSharingPair(tx, { patientId: patient.id, granteeId: clinician.id });
    const running = await tx.grant.findFirst({
      where: {
        patientId: patient.id,
        granteeId: clinician.id,
        origin: "EMERGENCY",
        revokedAt: null,
        expiresAt: { gt: now },
        createdAt: { gt: new Date(now.getTime() - EMERGENCY_ACCESS_MS) },
      },
      orderBy: { createdAt: "desc" },
    });
    const grant =
      running ??
      (await tx.grant.create({
        data: {
          patientId: patient.id,
          granteeId: clinician.id,
          origin: "EMERGENCY",
          level: "VIEW",
          scope: "ALL",
          reason: input.reason,
          createdAt: now,
          expiresAt: new Date(now.getTime() + EMERGENCY_ACCESS_MS),
        },
      }));
    await recordAuditEvent(
      {
        ...audit,
        outcome: "ALLOWED",
        patientId: patient.id,
        targetType: "grant",
        targetId: grant.id,
        details: { emergency: true, expiresAt: grant.expiresAt.toISOString(), alreadyOpen: running !== null },
      },
      { tx },
    );
    if (!running) await afterEmergencyAccess({ grantId: grant.id, tx });
    return { grantId: grant.id, patientId: patient.id, expiresAt: grant.expiresAt, outcome: running ? "already_open" : "opened" };
  });
}
