// The patient withdraws a pending invitation: from the commit on, verifying a
// clinician with that address no longer shares anything. Someone else's
// invitation and a missing one look the same; cancelling twice is harmless.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZClinicianInvitationIdSchema } from "@/lib/validation/sharing";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export async function cancelClinicianInvitation(options: {
  actor: SharingActor;
  invitationId: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ outcome: "cancelled" | "already_closed" }> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const invitationId = parseInput(ZClinicianInvitationIdSchema, options.invitationId);

  return db.$transaction(async (tx) => {
    // Row-locking update: it waits for a verification that is turning it into a grant.
    const { count } = await tx.clinicianInvitation.updateMany({
      where: { id: invitationId, patientId: patient.id, status: "PENDING" },
      data: { status: "CANCELLED", decidedAt: now },
    });
    if (count === 0) {
      const exists = await tx.clinicianInvitation.count({ where: { id: invitationId, patientId: patient.id } });
      if (exists === 0) throw new AppError("NOT_FOUND");
      return { outcome: "already_closed" as const };
    }
    await recordAuditEvent(
      {
        action: "clinician_invitation.cancelled",
        outcome: "ALLOWED",
        actorId: patient.id,
        actorRole: patient.role,
        patientId: patient.id,
        targetType: "clinician_invitation",
        targetId: invitationId,
        ...options.context,
        details: { by: "patient" },
      },
      { tx },
    );
    return { outcome: "cancelled" as const };
  });
}
