// Step 1 of deleting an account, in one transaction: the account stops working
// (every session ends, no password, suspended: nobody can sign in), every grant
// given or received ends with the other side notified while both rows still
// exist, pending access requests are cancelled, and the job that removes the
// files and rows is queued. From here on the deletion only moves forward.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { notify } from "@/lib/notifications/notify";

/** When the fallback job first runs: after deleteAccount's own attempt has normally finished. */
const RETRY_AFTER_MS = 60_000;

export async function closeAccount(options: { tx: Tx; user: { id: string; role: Role; name: string | null }; context: RequestContext; now: Date }): Promise<{ grantsEnded: number }> {
  const { tx, user, now } = options;
  await tx.user.update({ where: { id: user.id }, data: { status: "SUSPENDED", passwordHash: null, totpSecretEncrypted: null, sessionVersion: { increment: 1 } } });
  await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
  await tx.account.deleteMany({ where: { userId: user.id } });

  const active = { revokedAt: null, expiresAt: { gt: now } };
  const given = await tx.grant.findMany({ where: { patientId: user.id, ...active }, select: { id: true, granteeId: true } });
  const received = await tx.grant.findMany({ where: { granteeId: user.id, ...active }, select: { id: true, patientId: true } });
  const ended = [...given.map((g) => g.id), ...received.map((g) => g.id)];
  await tx.grant.updateMany({ where: { id: { in: ended }, revokedAt: null }, data: { revokedAt: now, revokedById: user.id } });
  await tx.accessRequest.updateMany({ where: { OR: [{ patientId: user.id }, { clinicianId: user.id }], status: "PENDING" }, data: { status: "CANCELLED", decidedAt: now } });

  const who = user.name?.trim() || "A patient";
  for (const clinicianId of new Set(given.map((g) => g.granteeId))) {
    await notify({
      tx,
      userId: clinicianId,
      type: "ACCOUNT_DELETED",
      title: "A patient deleted their account",
      body: `${who} deleted their MedVault account. Your access to their records has ended and their files are being removed.`,
      link: "/clinician",
    });
  }
  for (const patientId of new Set(received.map((g) => g.patientId))) {
    await notify({
      tx,
      userId: patientId,
      type: "ACCOUNT_DELETED",
      title: "A clinician you shared with deleted their account",
      body: `${user.name?.trim() || "A clinician"} deleted their MedVault account, so your sharing with them has ended. Your records are unchanged.`,
      link: "/patient/sharing",
    });
  }

  // The fallback: deleteAccount removes the data right away; this job finishes what a failure part-way left.
  await enqueueJob({ type: "delete-account-data", payload: { userId: user.id }, runAt: new Date(Date.now() + RETRY_AFTER_MS), tx });
  await recordAuditEvent(
    {
      action: "account.deletion_started",
      outcome: "ALLOWED",
      actorId: user.id,
      actorRole: user.role,
      patientId: user.role === "PATIENT" ? user.id : null,
      targetType: "user",
      targetId: user.id,
      ...options.context,
      details: { grantsEnded: ended.length, cliniciansNotified: new Set(given.map((g) => g.granteeId)).size },
    },
    { tx },
  );
  return { grantsEnded: ended.length };
}
