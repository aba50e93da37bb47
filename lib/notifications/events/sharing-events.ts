// Who hears about what in sharing. Titles carry no names (they are the mail's
// subject); bodies name the other person and the terms in plain words, never
// the records, their categories or a reason (those may be medical).
import type { Tx } from "@/lib/db";
import type { Grant } from "@/lib/generated/prisma/client";
import { notify } from "../notify";
import { day, displayName, LEVEL_WORDS } from "./wording";

type GrantFacts = Pick<Grant, "id" | "patientId" | "granteeId" | "level" | "expiresAt" | "origin">;

/** A patient shared directly (a request's approval has its own notice). */
export async function notifyGrantSaved(options: { tx: Tx; grant: GrantFacts; outcome: "created" | "updated" }): Promise<void> {
  const { tx, grant } = options;
  const patient = await displayName(tx, grant.patientId, "A patient");
  const created = options.outcome === "created";
  await notify({
    tx,
    userId: grant.granteeId,
    type: created ? "GRANT_CREATED" : "GRANT_CHANGED",
    title: created ? "A patient shared records with you" : "A patient changed what they share with you",
    body: `${patient} ${created ? "shared records with you" : "changed the terms of their share"}: you can ${LEVEL_WORDS[grant.level]} until ${day(grant.expiresAt)}.`,
    link: `/clinician/patients/${grant.patientId}`,
  });
}

export async function notifyGrantRevoked(options: { tx: Tx; grant: GrantFacts }): Promise<void> {
  const { tx, grant } = options;
  const patient = await displayName(tx, grant.patientId, "A patient");
  const emergency = grant.origin === "EMERGENCY";
  await notify({
    tx,
    userId: grant.granteeId,
    type: "GRANT_REVOKED",
    title: emergency ? "A patient ended your emergency access" : "A patient stopped sharing records with you",
    body: `${patient} ended your access. Records you could see through it are no longer available.`,
    link: "/clinician",
  });
}

export async function notifyGrantExpiring(options: { tx: Tx; grantId: string }): Promise<void> {
  const { tx } = options;
  const grant = await tx.grant.findUnique({ where: { id: options.grantId } });
  if (!grant) return;
  const [patient, clinician] = await Promise.all([displayName(tx, grant.patientId, "A patient"), displayName(tx, grant.granteeId, "a clinician")]);
  const until = day(grant.expiresAt);
  await notify({
    tx,
    userId: grant.patientId,
    type: "GRANT_EXPIRING",
    title: "A share of your records ends soon",
    body: `Your share with ${clinician} ends on ${until}. Share again to extend it, or let it end.`,
    link: "/patient/sharing",
  });
  await notify({
    tx,
    userId: grant.granteeId,
    type: "GRANT_EXPIRING",
    title: "Access to a patient's records ends soon",
    body: `${patient}'s share with you ends on ${until}. Ask them to extend it if you still need access.`,
    link: `/clinician/patients/${grant.patientId}`,
  });
}

/** Once per grant term (the key holds the end date: a renewed grant ends again later). */
export async function notifyGrantExpired(options: { tx: Tx; grant: GrantFacts }): Promise<void> {
  const { tx, grant } = options;
  const [patient, clinician] = await Promise.all([displayName(tx, grant.patientId, "A patient"), displayName(tx, grant.granteeId, "a clinician")]);
  const key = (userId: string) => `grant-expired:${grant.id}:${grant.expiresAt.getTime()}:${userId}`;
  await notify({
    tx,
    userId: grant.patientId,
    type: "GRANT_EXPIRED",
    title: "A share of your records has ended",
    body: `Your share with ${clinician} reached its end date (${day(grant.expiresAt)}). They no longer see your records.`,
    link: "/patient/sharing",
    dedupeKey: key(grant.patientId),
  });
  await notify({
    tx,
    userId: grant.granteeId,
    type: "GRANT_EXPIRED",
    title: "Access to a patient's records has ended",
    body: `${patient}'s share with you reached its end date (${day(grant.expiresAt)}).`,
    link: "/clinician",
    dedupeKey: key(grant.granteeId),
  });
}

export async function notifyAccessRequested(options: { tx: Tx; patientId: string; clinicianId: string; updated: boolean }): Promise<void> {
  const { tx } = options;
  const clinician = await displayName(tx, options.clinicianId, "A clinician");
  await notify({
    tx,
    userId: options.patientId,
    type: "ACCESS_REQUESTED",
    title: options.updated ? "A clinician changed their request for access" : "A clinician asked for access to your records",
    body: `${clinician} ${options.updated ? "changed their request" : "asked for access to your records"}. Nothing is shared until you approve it.`,
    link: "/patient/sharing",
  });
}

export async function notifyAccessDecided(options: { tx: Tx; patientId: string; clinicianId: string; decision: "approved" | "denied"; grant?: GrantFacts }): Promise<void> {
  const { tx } = options;
  const patient = await displayName(tx, options.patientId, "A patient");
  const approved = options.decision === "approved";
  await notify({
    tx,
    userId: options.clinicianId,
    type: approved ? "ACCESS_APPROVED" : "ACCESS_DENIED",
    title: approved ? "A patient approved your request for access" : "A patient declined your request for access",
    body:
      approved && options.grant
        ? `${patient} approved your request: you can ${LEVEL_WORDS[options.grant.level]} until ${day(options.grant.expiresAt)}.`
        : `${patient} declined your request for access.`,
    link: approved ? `/clinician/patients/${options.patientId}` : "/clinician",
  });
}

/** The patient and every active admin, at once (a security event: always in the app and by email). */
export async function notifyEmergencyAccess(options: { tx: Tx; grantId: string }): Promise<void> {
  const { tx } = options;
  const grant = await tx.grant.findUnique({ where: { id: options.grantId } });
  if (!grant) return;
  const clinician = await displayName(tx, grant.granteeId, "A clinician");
  await notify({
    tx,
    userId: grant.patientId,
    type: "EMERGENCY_ACCESS",
    title: "Emergency access to your records",
    body: `${clinician} opened your records with emergency access, view only, until ${grant.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC. You can see their reason and end the access on your sharing page.`,
    link: "/patient/sharing",
  });
  const admins = await tx.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true } });
  for (const admin of admins) {
    await notify({
      tx,
      userId: admin.id,
      type: "EMERGENCY_ACCESS",
      title: "Emergency access was opened",
      body: "A clinician opened a patient's records with emergency access. Review it on the emergency access page.",
      link: "/admin/emergency",
    });
  }
}
