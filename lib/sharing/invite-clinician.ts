// A patient whose search found no verified clinician invites one by email, with
// the terms of a share. The answer is the same whether or not the address has
// an account, so the form cannot be used to find out who uses MedVault:
// - no account, or a clinician awaiting verification: a PENDING invitation and
//   the invitation mail, committed together; verification turns it into the
//   grant (acceptClinicianInvitations);
// - a verified clinician: the share is made at once (the exact-address search
//   already finds them, so this reveals nothing new);
// - a patient's or an admin's address: the invitation is kept (it lapses) but no
//   mail goes out, since they cannot become that clinician.
// Inviting the same address again while one is pending replaces its terms
// without mailing again. The audit rows never hold the address (see below).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadAccessActor } from "@/lib/authz/decide-access";
import { hasPermission, isClinicianRole } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { clinicianInvitationMail } from "@/lib/email/templates/clinician-invitation";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeAttempt, createRateLimiter } from "@/lib/security/rate-limit";
import { DAY_MS, inviteClinicianSchema, type TInviteClinicianInput } from "@/lib/validation/sharing";
import { parseInput } from "@/lib/validation/parse-input";
import { invitationLockKey } from "./invitation-lock";
import { lockSharingPair } from "./lock-pair";
import { requireSharingActor, type SharingActor } from "./sharing-actor";
import { upsertGrant } from "./upsert-grant";

export type InviteClinicianResult = { outcome: "invited" };
const INVITED: InviteClinicianResult = { outcome: "invited" };

let limiter: ReturnType<typeof createRateLimiter> | undefined;

export async function inviteClinician(options: { actor: SharingActor; input: TInviteClinicianInput; context: RequestContext; now?: Date }): Promise<InviteClinicianResult> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const settings = env();
  const input = parseInput(inviteClinicianSchema({ now, maxDays: settings.GRANT_MAX_DAYS }), options.input);
  const { email, level, expiresAt, ...scope } = input;

  const own = await db.user.findUnique({ where: { id: patient.id }, select: { email: true } });
  if (own?.email === email) {
    const message = "This is your own email address. Enter the clinician's address.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { email: [message] } });
  }

  // Counted per patient after validation: typos do not use up the day's invitations.
  limiter ??= createRateLimiter({ keyPrefix: "clinician-invitation", points: settings.CLINICIAN_INVITATIONS_PER_DAY, durationSeconds: 24 * 60 * 60 });
  if (!(await consumeAttempt(limiter, patient.id))) {
    throw new AppError("RATE_LIMITED", `You can send at most ${settings.CLINICIAN_INVITATIONS_PER_DAY} invitations a day. Try again tomorrow.`);
  }

  const account = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  const verifiedClinician = account ? await loadAccessActor({ id: account.id }) : null;
  if (account && verifiedClinician && hasPermission(verifiedClinician, "grants:use")) {
    await db.$transaction((tx) =>
      upsertGrant({ tx, patientId: patient.id, granteeId: account.id, terms: { ...scope, level, expiresAt }, origin: "DIRECT", actor: patient, context: options.context }),
    );
    return INVITED;
  }
  const mailed = !account || isClinicianRole(account.role);

  await db.$transaction(async (tx) => {
    await lockSharingPair(tx, { patientId: patient.id, granteeId: invitationLockKey(email) });
    if (scope.scope === "RECORDS") {
      const owned = await tx.record.count({ where: { id: { in: scope.recordIds }, ownerId: patient.id } });
      if (owned !== scope.recordIds.length) {
        const message = "Some of the chosen records are not available. Reload and choose again.";
        throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { recordIds: [message] } });
      }
    }
    // A pending invitation past its own date is closed, so a fresh one (and mail) can follow.
    await tx.clinicianInvitation.updateMany({
      where: { patientId: patient.id, email, status: "PENDING", inviteExpiresAt: { lte: now } },
      data: { status: "EXPIRED", decidedAt: now },
    });
    const terms = { scope: scope.scope, categories: scope.categories, recordIds: scope.recordIds, level, expiresAt };
    const pending = await tx.clinicianInvitation.findFirst({ where: { patientId: patient.id, email, status: "PENDING" }, select: { id: true, inviteExpiresAt: true } });
    // The invitation lapses after CLINICIAN_INVITATION_DAYS, and never outlives the share it would become.
    const lapses = pending?.inviteExpiresAt.getTime() ?? now.getTime() + settings.CLINICIAN_INVITATION_DAYS * DAY_MS;
    const inviteExpiresAt = new Date(Math.min(lapses, expiresAt.getTime()));
    const invitation = pending
      ? await tx.clinicianInvitation.update({ where: { id: pending.id }, data: { ...terms, inviteExpiresAt }, select: { id: true, inviteExpiresAt: true } })
      : await tx.clinicianInvitation.create({ data: { ...terms, patientId: patient.id, email, inviteExpiresAt }, select: { id: true, inviteExpiresAt: true } });

    // The address is not medical, but the trail does not need it: the invitation row
    // (targetId) holds it for as long as the invitation exists. A hash would add little:
    // addresses are guessable, so it would be a lookup key, not protection.
    await recordAuditEvent(
      {
        action: pending ? "clinician_invitation.updated" : "clinician_invitation.created",
        outcome: "ALLOWED",
        actorId: patient.id,
        actorRole: patient.role,
        patientId: patient.id,
        targetType: "clinician_invitation",
        targetId: invitation.id,
        ...options.context,
        details: {
          level,
          scope: scope.scope,
          categoryCount: scope.categories.length,
          recordCount: scope.recordIds.length,
          expiresAt: expiresAt.toISOString(),
          inviteExpiresAt: invitation.inviteExpiresAt.toISOString(),
          mailed: !pending && mailed,
        },
      },
      { tx },
    );
    if (!pending && mailed) {
      const signUpUrl = new URL("/sign-up", settings.APP_URL).toString();
      await sendEmail({ tx, to: email, template: "clinician-invitation", content: clinicianInvitationMail({ signUpUrl, validUntil: invitation.inviteExpiresAt }) });
    }
  });
  return INVITED;
}
