// Emergency access: verified clinicians only, a written reason, view only, 4 h,
// marked in the audit trail; the patient or an admin can end it early.
import { decideAccess } from "@/lib/authz/decide-access";
import { recordWhereForActor } from "@/lib/authz/record-where";
import { db } from "@/lib/db";
import { endEmergencyAccess } from "@/lib/sharing/end-emergency-access";
import { grantAccess } from "@/lib/sharing/grant-access";
import { listGrants } from "@/lib/sharing/list-grants";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { createAdminUser } from "@/tests/factories/clinicians";
import { accessActor, auditFor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician, errorOf, HOUR_MS } from "./helpers";

afterAll(() => db.$disconnect());

const REASON = "Unconscious patient in the emergency department, need history";

describe("openEmergencyAccess", () => {
  it("allows view and preview, not download, for 4 hours, and marks the audit trail", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const record = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    const now = new Date();

    const opened = await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: REASON }, context, now });
    expect(opened).toMatchObject({ patientId: patient.id, outcome: "opened" });
    expect(opened.expiresAt.getTime()).toBe(now.getTime() + 4 * HOUR_MS);

    const actor = await accessActor(clinician.id);
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(await decideAccess({ actor, patientId: patient.id, action: "view", record, now: at(1000) })).toEqual({ allowed: true, via: "emergency", grantId: opened.grantId });
    expect((await decideAccess({ actor, patientId: patient.id, action: "preview", record, now: at(1000) })).allowed).toBe(true);
    for (const action of ["download", "upload", "propose_edit", "edit", "delete", "share", "export"] as const) {
      expect(await decideAccess({ actor, patientId: patient.id, action, record, now: at(1000) })).toEqual({ allowed: false });
    }
    expect(await db.record.count({ where: await recordWhereForActor({ actor, now: at(1000) }) })).toBe(1);
    expect(await db.record.count({ where: await recordWhereForActor({ actor, action: "download", now: at(1000) }) })).toBe(0);

    expect((await decideAccess({ actor, patientId: patient.id, action: "view", record, now: at(4 * HOUR_MS - 1) })).allowed).toBe(true);
    expect(await decideAccess({ actor, patientId: patient.id, action: "view", record, now: at(4 * HOUR_MS) })).toEqual({ allowed: false });
    expect(await db.record.count({ where: await recordWhereForActor({ actor, now: at(4 * HOUR_MS) }) })).toBe(0);

    const [event] = await auditFor({ targetId: opened.grantId, action: "emergency.opened" });
    expect(event).toMatchObject({ outcome: "ALLOWED", actorId: clinician.id, patientId: patient.id, targetType: "grant" });
    expect(event?.details).toMatchObject({ emergency: true });
    expect(JSON.stringify(event?.details)).not.toContain("Unconscious");

    // The patient sees it, with the reason.
    const listed = await listGrants({ actor: patient });
    expect(listed).toEqual([expect.objectContaining({ id: opened.grantId, origin: "EMERGENCY", level: "VIEW", reason: REASON })]);
  });

  it("does not extend by opening again, and lives beside a regular grant", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "CATEGORIES", categories: ["IMAGING"] }, context });
    const now = new Date();
    const first = await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: REASON }, context, now });
    const again = await Promise.all([
      openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: REASON }, context, now: new Date(now.getTime() + HOUR_MS) }),
      openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: REASON }, context, now: new Date(now.getTime() + HOUR_MS) }),
    ]);
    for (const result of again) expect(result).toMatchObject({ grantId: first.grantId, expiresAt: first.expiresAt, outcome: "already_open" });
    expect(await db.grant.count({ where: { patientId: patient.id, origin: "EMERGENCY" } })).toBe(1);
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(2);
  });

  it("needs a verified, active clinician, a reason of 20+ characters and an existing patient", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const input = { patient: patient.email, reason: REASON };
    expect(await errorOf(openEmergencyAccess({ actor: await createPendingClinician(), input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(openEmergencyAccess({ actor: await createVerifiedClinician({ status: "SUSPENDED" }), input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(openEmergencyAccess({ actor: await createAdminUser(), input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(openEmergencyAccess({ actor: await createPatient(), input, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(openEmergencyAccess({ actor: clinician, input: { ...input, reason: "too short reason" }, context }))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await errorOf(openEmergencyAccess({ actor: clinician, input: { ...input, patient: `nobody-${Date.now()}@example.test` }, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
    expect((await auditFor({ actorId: clinician.id, action: "emergency.opened" })).map((e) => e.outcome)).toEqual(["DENIED"]);
  });
});

describe("ending emergency access", () => {
  async function opened() {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grantId } = await openEmergencyAccess({ actor: clinician, input: { patient: patient.email, reason: REASON }, context });
    return { patient, clinician, grantId };
  }

  it("the patient ends it (revokeGrant or endEmergencyAccess) and access stops at once", async () => {
    const { patient, clinician, grantId } = await opened();
    const actor = await accessActor(clinician.id);
    expect((await decideAccess({ actor, patientId: patient.id, action: "view" })).allowed).toBe(true);
    expect(await revokeGrant({ actor: patient, grantId, context })).toMatchObject({ outcome: "revoked" });
    expect((await decideAccess({ actor, patientId: patient.id, action: "view" })).allowed).toBe(false);
    expect(await endEmergencyAccess({ actor: patient, grantId, context })).toEqual({ outcome: "already_ended" });
    expect((await auditFor({ targetId: grantId, action: "emergency.ended" }))[0]?.details).toMatchObject({ emergency: true });
  });

  it("an admin ends anyone's; another clinician or patient hears 'not found'", async () => {
    const { patient, clinician, grantId } = await opened();
    const stranger = await createVerifiedClinician();
    const otherPatient = await createPatient();
    expect(await errorOf(endEmergencyAccess({ actor: stranger, grantId, context }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(endEmergencyAccess({ actor: otherPatient, grantId, context }))).toMatchObject({ code: "NOT_FOUND" });

    const admin = await createAdminUser();
    expect(await endEmergencyAccess({ actor: admin, grantId, context })).toEqual({ outcome: "ended" });
    const row = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect(row.revokedById).toBe(admin.id);
    expect((await decideAccess({ actor: await accessActor(clinician.id), patientId: patient.id, action: "view" })).allowed).toBe(false);
  });

  it("an admin cannot end a regular grant through it", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    expect(await errorOf(endEmergencyAccess({ actor: await createAdminUser(), grantId: grant.id, context }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
