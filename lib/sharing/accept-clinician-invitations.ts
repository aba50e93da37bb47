// Called inside the transaction that verifies a clinician: every PENDING
// invitation sent to their address becomes a grant with the invited terms,
// through the same path as a direct share (upsertGrant: pair lock, record
// ownership, audit row, the clinician's notice), and the patient is told.
// An invitation whose share end date or own date passed becomes EXPIRED; one
// that can no longer apply (the patient's account is gone from active use, or
// every chosen record was deleted) becomes CANCELLED. Nothing here may throw
// for one patient's invitation: the verification must not fail because of it.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { ClinicianInvitation } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { day, displayName, LEVEL_WORDS } from "@/lib/notifications/events/wording";
import { DAY_MS, type TGrantScope } from "@/lib/validation/sharing";
import { upsertGrant } from "./upsert-grant";

export type InvitationOutcome = "accepted" | "expired" | "cancelled";

export async function acceptClinicianInvitations(options: {
  tx: Tx;
  clinician: { id: string; email: string };
  /** The admin whose verification this is, for the audit rows. */
  adminId: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ id: string; outcome: InvitationOutcome }[]> {
  const { tx, clinician, adminId, context } = options;
  const now = options.now ?? new Date();
  const email = clinician.email.toLowerCase();
  const invitations = await tx.clinicianInvitation.findMany({ where: { email, status: "PENDING" }, orderBy: { createdAt: "asc" } });
  const results: { id: string; outcome: InvitationOutcome }[] = [];
  for (const invitation of invitations) {
    const outcome = await acceptOne({ tx, invitation, clinicianId: clinician.id, adminId, context, now });
    if (outcome) results.push({ id: invitation.id, outcome });
  }
  return results;
}

async function acceptOne(options: { tx: Tx; invitation: ClinicianInvitation; clinicianId: string; adminId: string; context: RequestContext; now: Date }): Promise<InvitationOutcome | null> {
  const { tx, invitation, clinicianId, adminId, context, now } = options;
  // Claim the row first (a row lock until the commit): a cancel that committed
  // meanwhile wins, and a cancel arriving now waits and then finds it decided.
  const { count } = await tx.clinicianInvitation.updateMany({ where: { id: invitation.id, status: "PENDING" }, data: { decidedAt: now } });
  if (count === 0) return null;
  const close = (status: "EXPIRED" | "CANCELLED" | "ACCEPTED", grantId: string | null = null) =>
    tx.clinicianInvitation.update({ where: { id: invitation.id }, data: { status, grantId } });
  const audit = (action: string, details: Record<string, string | null>) =>
    recordAuditEvent(
      { action, outcome: "ALLOWED", actorId: adminId, actorRole: "ADMIN", patientId: invitation.patientId, targetType: "clinician_invitation", targetId: invitation.id, ...context, details: { clinicianId, ...details } },
      { tx },
    );

  if (invitation.expiresAt <= now || invitation.inviteExpiresAt <= now) {
    await close("EXPIRED");
    await audit("clinician_invitation.expired", {});
    return "expired";
  }

  const patient = await tx.user.findUnique({ where: { id: invitation.patientId }, select: { role: true, status: true } });
  const recordIds =
    invitation.scope === "RECORDS"
      ? (await tx.record.findMany({ where: { id: { in: invitation.recordIds }, ownerId: invitation.patientId }, select: { id: true } })).map((record) => record.id)
      : [];
  if (!patient || patient.role !== "PATIENT" || patient.status !== "ACTIVE" || (invitation.scope === "RECORDS" && recordIds.length === 0)) {
    await close("CANCELLED");
    await audit("clinician_invitation.cancelled", { reason: patient?.status === "ACTIVE" ? "records_gone" : "patient_inactive" });
    return "cancelled";
  }

  const scope: TGrantScope =
    invitation.scope === "CATEGORIES"
      ? { scope: "CATEGORIES", categories: invitation.categories, recordIds: [] }
      : invitation.scope === "RECORDS"
        ? { scope: "RECORDS", categories: [], recordIds }
        : { scope: "ALL", categories: [], recordIds: [] };
  // Capped as every share is: never longer than GRANT_MAX_DAYS from now.
  const expiresAt = new Date(Math.min(invitation.expiresAt.getTime(), now.getTime() + env().GRANT_MAX_DAYS * DAY_MS));
  // The terms are the patient's: the grant's own audit row names them as its author.
  const { grant } = await upsertGrant({
    tx,
    patientId: invitation.patientId,
    granteeId: clinicianId,
    terms: { ...scope, level: invitation.level, expiresAt },
    origin: "DIRECT",
    actor: { id: invitation.patientId, role: "PATIENT" },
    context: { ipAddress: null, userAgent: null },
  });
  await close("ACCEPTED", grant.id);
  await audit("clinician_invitation.accepted", { grantId: grant.id });

  const name = await displayName(tx, clinicianId, "The clinician you invited");
  await notify({
    tx,
    userId: invitation.patientId,
    type: "GRANT_CREATED",
    title: "A clinician you invited joined MedVault",
    body: `${name} joined MedVault and was verified. Your share has started: they can ${LEVEL_WORDS[grant.level]} until ${day(grant.expiresAt)}.`,
    link: "/patient/sharing",
  });
  return "accepted";
}
