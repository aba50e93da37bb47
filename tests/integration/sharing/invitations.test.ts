// Invitations by email against the real database: the invitation and its mail
// commit together, the answer never tells whether the address has an account,
// verification turns pending invitations into grants (and only those), and a
// patient holds at most one pending invitation per address.
import { randomBytes } from "node:crypto";
import { verifyClinician } from "@/lib/admin/clinicians/verify-clinician";
import { decideAccess } from "@/lib/authz/decide-access";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cancelClinicianInvitation } from "@/lib/sharing/cancel-clinician-invitation";
import { inviteClinician } from "@/lib/sharing/invite-clinician";
import { listClinicianInvitations } from "@/lib/sharing/list-clinician-invitations";
import { createAdminUser } from "@/tests/factories/clinicians";
import { accessActor, auditFor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician, DAY_MS, errorOf } from "./helpers";

afterAll(() => db.$disconnect());

const freshAddress = () => `dr-${randomBytes(6).toString("hex")}@clinic.example.test`;
const in10Days = () => new Date(Date.now() + 10 * DAY_MS).toISOString();

describe("inviteClinician", () => {
  it("stores a pending invitation and queues the mail in the same transaction, without the patient's data", async () => {
    const patient = await createPatient();
    await db.user.update({ where: { id: patient.id }, data: { name: "Petra Patientname" } });
    const address = freshAddress();
    const expiresAt = in10Days();

    await expect(
      inviteClinician({ actor: patient, input: { email: `  ${address.toUpperCase()} `, level: "DOWNLOAD", scope: "CATEGORIES", categories: ["LAB_RESULT"], expiresAt }, context }),
    ).resolves.toEqual({ outcome: "invited" });

    const invitation = await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(invitation).toMatchObject({ email: address, status: "PENDING", level: "DOWNLOAD", scope: "CATEGORIES", categories: ["LAB_RESULT"], recordIds: [], grantId: null });
    expect(invitation.expiresAt.toISOString()).toBe(expiresAt);
    // Never longer than the share it would become.
    expect(invitation.inviteExpiresAt.getTime()).toBeLessThanOrEqual(invitation.expiresAt.getTime());

    const mails = await db.outboundEmail.findMany({ where: { to: address } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.template).toBe("clinician-invitation");
    expect(mails[0]!.text).toContain(new URL("/sign-up", env().APP_URL).toString());
    for (const body of [mails[0]!.text, mails[0]!.html, mails[0]!.subject]) {
      expect(body).not.toContain("Petra");
      expect(body).not.toContain(patient.email);
      expect(body.toLowerCase()).not.toContain("lab");
      expect(body.toLowerCase()).not.toContain("download");
    }

    const [audit] = await auditFor({ targetId: invitation.id, action: "clinician_invitation.created" });
    expect(audit).toMatchObject({ actorId: patient.id, patientId: patient.id, outcome: "ALLOWED" });
    expect(JSON.stringify(audit!.details)).not.toContain(address);
    expect(audit!.details).toMatchObject({ level: "DOWNLOAD", scope: "CATEGORIES", categoryCount: 1, mailed: true });

    const listed = await listClinicianInvitations({ actor: patient });
    expect(listed.map((row) => row.email)).toEqual([address]);
  });

  it("answers the same for an unknown address, a patient's, an admin's and a clinician awaiting verification", async () => {
    const patient = await createPatient();
    const otherPatient = await createPatient();
    const admin = await createAdminUser();
    const pendingClinician = await createPendingClinician();
    const input = { level: "VIEW" as const, scope: "ALL" as const, expiresAt: in10Days() };

    const answers = [];
    for (const email of [freshAddress(), otherPatient.email, admin.email, pendingClinician.email]) {
      answers.push(await inviteClinician({ actor: patient, input: { ...input, email }, context }));
    }
    expect(answers).toEqual(Array(4).fill({ outcome: "invited" }));
    expect(await db.clinicianInvitation.count({ where: { patientId: patient.id, status: "PENDING" } })).toBe(4);
    // No grant for anyone yet; the pending clinician sees nothing until verified.
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    // A patient's or admin's address cannot become that clinician: no mail to them. A clinician account may.
    expect(await db.outboundEmail.count({ where: { to: otherPatient.email, template: "clinician-invitation" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { to: admin.email, template: "clinician-invitation" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { to: pendingClinician.email, template: "clinician-invitation" } })).toBe(1);
  });

  it("shares at once with a verified clinician's address (the exact-address search finds them anyway), with the same answer", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await expect(inviteClinician({ actor: patient, input: { email: clinician.email, level: "VIEW", scope: "ALL" }, context })).resolves.toEqual({ outcome: "invited" });
    expect(await db.grant.count({ where: { patientId: patient.id, granteeId: clinician.id, revokedAt: null } })).toBe(1);
    expect(await db.clinicianInvitation.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("keeps one pending invitation per address: inviting again replaces the terms and does not mail again", async () => {
    const patient = await createPatient();
    const address = freshAddress();
    await inviteClinician({ actor: patient, input: { email: address, level: "VIEW", scope: "ALL" }, context });
    const results = await Promise.all([
      inviteClinician({ actor: patient, input: { email: address.toUpperCase(), level: "DOWNLOAD", scope: "ALL" }, context }),
      inviteClinician({ actor: patient, input: { email: address, level: "DOWNLOAD", scope: "ALL" }, context }),
    ]);
    expect(results).toEqual([{ outcome: "invited" }, { outcome: "invited" }]);

    const rows = await db.clinicianInvitation.findMany({ where: { patientId: patient.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "PENDING", level: "DOWNLOAD" });
    expect(await db.outboundEmail.count({ where: { to: address } })).toBe(1);
    expect(await auditFor({ targetId: rows[0]!.id, action: "clinician_invitation.updated" })).toHaveLength(2);

    // Another patient inviting the same address has an invitation of their own.
    const other = await createPatient();
    await inviteClinician({ actor: other, input: { email: address, level: "VIEW", scope: "ALL" }, context });
    expect(await db.clinicianInvitation.count({ where: { email: address, status: "PENDING" } })).toBe(2);
  });

  it("closes a pending invitation past its own date when the address is invited again, and mails again", async () => {
    const patient = await createPatient();
    const address = freshAddress();
    await inviteClinician({ actor: patient, input: { email: address, level: "VIEW", scope: "ALL" }, context });
    const lapsed = await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } });
    await db.clinicianInvitation.update({ where: { id: lapsed.id }, data: { inviteExpiresAt: new Date(Date.now() - 60_000) } });
    expect(await listClinicianInvitations({ actor: patient })).toEqual([]);

    await inviteClinician({ actor: patient, input: { email: address, level: "VIEW", scope: "ALL" }, context });
    expect(await db.clinicianInvitation.findUniqueOrThrow({ where: { id: lapsed.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await db.clinicianInvitation.count({ where: { patientId: patient.id, status: "PENDING" } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { to: address } })).toBe(2);
  });

  it("rejects bad input with specific messages, the patient's own address, and someone else's records", async () => {
    const patient = await createPatient();
    const stranger = await createPatient();
    const foreign = await createRecordRow({ ownerId: stranger.id });

    const bad = await errorOf(inviteClinician({ actor: patient, input: { email: "not-an-address", level: "VIEW", scope: "ALL" }, context }));
    expect(bad).toMatchObject({ code: "VALIDATION_FAILED", message: "Enter a valid email address, like name@example.org." });
    const own = await errorOf(inviteClinician({ actor: patient, input: { email: patient.email.toUpperCase(), level: "VIEW", scope: "ALL" }, context }));
    expect(own).toMatchObject({ code: "VALIDATION_FAILED", message: "This is your own email address. Enter the clinician's address." });
    const past = await errorOf(inviteClinician({ actor: patient, input: { email: freshAddress(), level: "VIEW", scope: "ALL", expiresAt: new Date(Date.now() - DAY_MS).toISOString() }, context }));
    expect(past).toMatchObject({ code: "VALIDATION_FAILED", message: "Choose an end date in the future." });
    const records = await errorOf(inviteClinician({ actor: patient, input: { email: freshAddress(), level: "VIEW", scope: "RECORDS", recordIds: [foreign.id] }, context }));
    expect(records).toMatchObject({ code: "VALIDATION_FAILED", message: "Some of the chosen records are not available. Reload and choose again." });
    expect(await db.clinicianInvitation.count({ where: { patientId: patient.id } })).toBe(0);

    const clinician = await createVerifiedClinician();
    expect(await errorOf(inviteClinician({ actor: clinician, input: { email: freshAddress(), level: "VIEW", scope: "ALL" }, context }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("limits how many invitations a patient sends a day", async () => {
    const patient = await createPatient();
    const limit = env().CLINICIAN_INVITATIONS_PER_DAY;
    for (let i = 0; i < limit; i += 1) await inviteClinician({ actor: patient, input: { email: freshAddress(), level: "VIEW", scope: "ALL" }, context });
    const refused = await errorOf(inviteClinician({ actor: patient, input: { email: freshAddress(), level: "VIEW", scope: "ALL" }, context }));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", message: `You can send at most ${limit} invitations a day. Try again tomorrow.` });
    expect(await db.clinicianInvitation.count({ where: { patientId: patient.id } })).toBe(limit);
    // Another patient is not affected.
    const other = await createPatient();
    await expect(inviteClinician({ actor: other, input: { email: freshAddress(), level: "VIEW", scope: "ALL" }, context })).resolves.toEqual({ outcome: "invited" });
  });
});

describe("verifying an invited clinician", () => {
  it("turns each pending invitation into a grant with the invited terms and tells the patient", async () => {
    const patient = await createPatient();
    const clinician = await createPendingClinician();
    const admin = await createAdminUser();
    const record = await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const expiresAt = in10Days();
    await inviteClinician({ actor: patient, input: { email: clinician.email, level: "DOWNLOAD", scope: "RECORDS", recordIds: [record.id], expiresAt }, context });
    const invitation = await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } });

    await expect(verifyClinician({ adminId: admin.id, userId: clinician.id, context })).resolves.toEqual({ outcome: "verified" });

    const grant = await db.grant.findFirstOrThrow({ where: { patientId: patient.id, granteeId: clinician.id, revokedAt: null } });
    expect(grant).toMatchObject({ level: "DOWNLOAD", scope: "RECORDS", recordIds: [record.id], categories: [], origin: "DIRECT" });
    expect(grant.expiresAt.toISOString()).toBe(expiresAt);
    expect(await db.clinicianInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "ACCEPTED", grantId: grant.id });

    const actor = await accessActor(clinician.id);
    expect(await decideAccess({ actor, patientId: patient.id, action: "download", record: { id: record.id, ownerId: patient.id, category: "IMAGING" } })).toEqual({
      allowed: true,
      via: "grant",
      grantId: grant.id,
    });

    const notices = await db.notification.findMany({ where: { userId: patient.id, type: "GRANT_CREATED" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: "A clinician you invited joined MedVault", link: "/patient/sharing" });
    expect(await auditFor({ targetId: invitation.id, action: "clinician_invitation.accepted" })).toHaveLength(1);
    expect(await auditFor({ targetId: grant.id, action: "grant.created" })).toHaveLength(1);
    expect(await listClinicianInvitations({ actor: patient })).toEqual([]);
  });

  it("does nothing for a cancelled invitation", async () => {
    const patient = await createPatient();
    const clinician = await createPendingClinician();
    const admin = await createAdminUser();
    await inviteClinician({ actor: patient, input: { email: clinician.email, level: "VIEW", scope: "ALL" }, context });
    const invitation = await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } });

    // Someone else's invitation looks like a missing one.
    const stranger = await createPatient();
    expect(await errorOf(cancelClinicianInvitation({ actor: stranger, invitationId: invitation.id, context }))).toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelClinicianInvitation({ actor: patient, invitationId: invitation.id, context })).resolves.toEqual({ outcome: "cancelled" });
    await expect(cancelClinicianInvitation({ actor: patient, invitationId: invitation.id, context })).resolves.toEqual({ outcome: "already_closed" });
    expect(await auditFor({ targetId: invitation.id, action: "clinician_invitation.cancelled" })).toHaveLength(1);

    await verifyClinician({ adminId: admin.id, userId: clinician.id, context });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await db.clinicianInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "CANCELLED", grantId: null });
    expect(await db.notification.count({ where: { userId: patient.id, type: "GRANT_CREATED" } })).toBe(0);
  });

  it("expires an invitation whose share end date passed, and still accepts the patient's other ones", async () => {
    const patient = await createPatient();
    const otherPatient = await createPatient();
    const clinician = await createPendingClinician();
    const admin = await createAdminUser();
    await inviteClinician({ actor: patient, input: { email: clinician.email, level: "VIEW", scope: "ALL" }, context });
    await inviteClinician({ actor: otherPatient, input: { email: clinician.email, level: "VIEW", scope: "ALL" }, context });
    const stale = await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } });
    // The share's end date passed while the clinician waited for verification.
    await db.clinicianInvitation.update({ where: { id: stale.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    await verifyClinician({ adminId: admin.id, userId: clinician.id, context });

    expect(await db.clinicianInvitation.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "EXPIRED", grantId: null });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await db.grant.count({ where: { patientId: otherPatient.id, granteeId: clinician.id } })).toBe(1);
    expect(await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: otherPatient.id } })).toMatchObject({ status: "ACCEPTED" });
  });

  it("cancels an invitation whose chosen records were all deleted instead of failing the verification", async () => {
    const patient = await createPatient();
    const clinician = await createPendingClinician();
    const admin = await createAdminUser();
    const record = await createRecordRow({ ownerId: patient.id });
    await inviteClinician({ actor: patient, input: { email: clinician.email, level: "VIEW", scope: "RECORDS", recordIds: [record.id] }, context });
    await db.record.delete({ where: { id: record.id } });

    await expect(verifyClinician({ adminId: admin.id, userId: clinician.id, context })).resolves.toEqual({ outcome: "verified" });
    expect(await db.clinicianInvitation.findFirstOrThrow({ where: { patientId: patient.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
