// Grants against the real database: immediate revoke, expiry at access time,
// concurrent duplicate grants and revokes, the patient's list.
import { decideAccess } from "@/lib/authz/decide-access";
import { recordWhereForActor } from "@/lib/authz/record-where";
import { db } from "@/lib/db";
import { findClinicians } from "@/lib/sharing/find-clinicians";
import { grantAccess } from "@/lib/sharing/grant-access";
import { listGrants } from "@/lib/sharing/list-grants";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { accessActor, auditFor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician, DAY_MS, errorOf } from "./helpers";

afterAll(() => db.$disconnect());

describe("grantAccess and revokeGrant", () => {
  it("gives access at once and takes it away at once: decisions and queries", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const record = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    const actor = await accessActor(clinician.id);
    const recordFacts = { id: record.id, ownerId: record.ownerId, category: record.category };

    expect(await decideAccess({ actor, patientId: patient.id, action: "view", record: recordFacts })).toEqual({ allowed: false });

    const { grant, outcome } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL" }, context });
    expect(outcome).toBe("created");
    expect(grant).toMatchObject({ patientId: patient.id, granteeId: clinician.id, level: "DOWNLOAD", scope: "ALL", origin: "DIRECT", state: "active" });
    expect(grant.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * DAY_MS);
    expect(grant.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * DAY_MS);

    expect(await decideAccess({ actor, patientId: patient.id, action: "download", record: recordFacts })).toEqual({ allowed: true, via: "grant", grantId: grant.id });
    expect(await decideAccess({ actor, patientId: patient.id, action: "propose_edit", record: recordFacts })).toEqual({ allowed: false });
    expect(await db.record.count({ where: await recordWhereForActor({ actor, patientId: patient.id }) })).toBe(1);

    const revoked = await revokeGrant({ actor: patient, grantId: grant.id, context });
    expect(revoked.outcome).toBe("revoked");
    expect(revoked.grant.state).toBe("revoked");

    expect(await decideAccess({ actor, patientId: patient.id, action: "view", record: recordFacts })).toEqual({ allowed: false });
    expect(await decideAccess({ actor, patientId: patient.id, action: "view" })).toEqual({ allowed: false });
    expect(await db.record.count({ where: await recordWhereForActor({ actor }) })).toBe(0);

    const events = await auditFor({ targetId: grant.id });
    expect(events.map((e) => [e.action, e.outcome, e.actorId, e.patientId])).toEqual([
      ["grant.created", "ALLOWED", patient.id, patient.id],
      ["grant.revoked", "ALLOWED", patient.id, patient.id],
    ]);
  });

  it("checks expiry at access time: a grant past its end gives nothing, though no job ran", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const actor = await accessActor(clinician.id);
    const expiresAt = new Date(Date.now() + 2_000);
    await db.grant.create({ data: { patientId: patient.id, granteeId: clinician.id, scope: "ALL", level: "DOWNLOAD", expiresAt } });

    expect((await decideAccess({ actor, patientId: patient.id, action: "view" })).allowed).toBe(true);
    const after = new Date(expiresAt.getTime() + 1);
    expect(await decideAccess({ actor, patientId: patient.id, action: "view", now: after })).toEqual({ allowed: false });
    expect(await db.record.count({ where: await recordWhereForActor({ actor, now: after }) })).toBe(0);

    await db.grant.updateMany({ where: { patientId: patient.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await decideAccess({ actor, patientId: patient.id, action: "view" })).toEqual({ allowed: false });
  });

  it("leaves exactly one current grant when the same share is sent five times at once", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const levels = ["VIEW", "DOWNLOAD", "CONTRIBUTE", "PROPOSE_EDITS", "VIEW"] as const;

    const results = await Promise.all(levels.map((level) => grantAccess({ actor: patient, input: { granteeId: clinician.id, level, scope: "ALL" }, context })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "updated", "updated", "updated", "updated"]);
    expect(new Set(results.map((r) => r.grant.id)).size).toBe(1);

    const rows = await db.grant.findMany({ where: { patientId: patient.id, granteeId: clinician.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedAt).toBeNull();
    // The row holds the terms of whichever call committed last.
    const last = (await auditFor({ targetId: rows[0]!.id })).at(-1);
    expect(last?.details).toMatchObject({ level: rows[0]!.level });
    expect(await auditFor({ targetId: rows[0]!.id })).toHaveLength(5);
  });

  it("refuses a second current grant for the pair at the database level", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const data = { patientId: patient.id, granteeId: clinician.id, scope: "ALL" as const, level: "VIEW" as const, expiresAt: new Date(Date.now() + DAY_MS) };
    await db.grant.create({ data });
    await expect(db.grant.create({ data })).rejects.toMatchObject({ code: "P2002" });
    // Revoked rows and emergency rows are outside the index.
    await db.grant.create({ data: { ...data, revokedAt: new Date() } });
    await db.grant.create({ data: { ...data, origin: "EMERGENCY" } });
  });

  it("revokes once when five revokes race: one revokedAt, one audit row, the others hear 'already revoked'", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });

    const results = await Promise.all(Array.from({ length: 5 }, () => revokeGrant({ actor: patient, grantId: grant.id, context })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["already_revoked", "already_revoked", "already_revoked", "already_revoked", "revoked"]);
    const revokedAts = new Set(results.map((r) => r.grant.revokedAt?.getTime()));
    expect(revokedAts.size).toBe(1);
    const row = await db.grant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(row.revokedAt?.getTime()).toBe([...revokedAts][0]);
    expect(row.revokedById).toBe(patient.id);
    expect(await auditFor({ targetId: grant.id, action: "grant.revoked" })).toHaveLength(1);
  });

  it("renews an expired grant in place, and starts a new one after a revoke", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    const first = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    await db.grant.update({ where: { id: first.grant.id }, data: { expiresAt: new Date(Date.now() - 1000), reminderSentAt: new Date() } });

    const renewed = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "CATEGORIES", categories: ["IMAGING"] }, context });
    expect(renewed).toMatchObject({ outcome: "updated", grant: { id: first.grant.id, state: "active", level: "DOWNLOAD", scope: "CATEGORIES", categories: ["IMAGING"] } });
    expect((await db.grant.findUniqueOrThrow({ where: { id: first.grant.id } })).reminderSentAt).toBeNull();

    await revokeGrant({ actor: patient, grantId: first.grant.id, context });
    const fresh = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    expect(fresh.outcome).toBe("created");
    expect(fresh.grant.id).not.toBe(first.grant.id);
  });

  it("shares only with verified, active clinicians, and only the patient's own records", async () => {
    const patient = await createPatient();
    const other = await createPatient();
    const pending = await createPendingClinician();
    const suspended = await createVerifiedClinician({ status: "SUSPENDED" });
    const clinician = await createVerifiedClinician();
    const notMine = await createRecordRow({ ownerId: other.id });

    for (const granteeId of [pending.id, suspended.id, other.id, patient.id, "no-such-user"]) {
      expect(await errorOf(grantAccess({ actor: patient, input: { granteeId, level: "VIEW", scope: "ALL" }, context }))).toMatchObject({ code: "VALIDATION_FAILED" });
    }
    expect(
      await errorOf(grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "RECORDS", recordIds: [notMine.id] }, context })),
    ).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(
      await errorOf(grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL", expiresAt: new Date(Date.now() - 1000) }, context })),
    ).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(
      await errorOf(grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL", expiresAt: new Date(Date.now() + 400 * DAY_MS) }, context })),
    ).toMatchObject({ code: "VALIDATION_FAILED" });
    // Clinicians and admins do not share a patient's data.
    expect(await errorOf(grantAccess({ actor: clinician, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.grant.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("answers 'not found' to a revoke of someone else's grant or a missing one", async () => {
    const patient = await createPatient();
    const intruder = await createPatient();
    const clinician = await createVerifiedClinician();
    const { grant } = await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });

    const foreign = await errorOf(revokeGrant({ actor: intruder, grantId: grant.id, context }));
    const missing = await errorOf(revokeGrant({ actor: intruder, grantId: "no-such-grant", context }));
    expect(foreign).toEqual(missing);
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await errorOf(revokeGrant({ actor: clinician, grantId: grant.id, context }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await db.grant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
  });
});

describe("listGrants", () => {
  it("shows the patient's current, expired and revoked grants with who holds them, and nobody else's", async () => {
    const patient = await createPatient();
    const [a, b, c] = [await createVerifiedClinician(), await createVerifiedClinician(), await createVerifiedClinician()];
    await grantAccess({ actor: patient, input: { granteeId: a.id, level: "VIEW", scope: "ALL" }, context });
    const expired = await grantAccess({ actor: patient, input: { granteeId: b.id, level: "VIEW", scope: "ALL" }, context });
    await db.grant.update({ where: { id: expired.grant.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await grantAccess({ actor: patient, input: { granteeId: c.id, level: "VIEW", scope: "ALL" }, context });
    await revokeGrant({ actor: patient, grantId: revoked.grant.id, context });
    await grantAccess({ actor: await createPatient(), input: { granteeId: a.id, level: "VIEW", scope: "ALL" }, context });

    const listed = await listGrants({ actor: patient });
    expect(listed.map((g) => [g.grantee.id, g.state])).toEqual([
      [a.id, "active"],
      [b.id, "expired"],
      [c.id, "revoked"],
    ]);
    expect(Object.keys(listed[0]!.grantee).sort()).toEqual(["id", "name", "organization", "role", "specialty"]);
    expect(await errorOf(listGrants({ actor: a }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("findClinicians", () => {
  it("finds verified active clinicians by name or organization, by email only exactly, with minimal fields", async () => {
    const patient = await createPatient();
    const token = `Zq${Date.now().toString(36)}`;
    const verified = await createVerifiedClinician({ name: `Dr ${token} Verified`, organization: `Hospital ${token}` });
    await createPendingClinician().then((p) => db.user.update({ where: { id: p.id }, data: { name: `Dr ${token} Pending` } }));
    await createVerifiedClinician({ name: `Dr ${token} Suspended`, status: "SUSPENDED" });

    const byName = await findClinicians({ actor: patient, input: { query: token.toLowerCase() } });
    expect(byName.map((c) => c.id)).toEqual([verified.id]);
    expect(Object.keys(byName[0]!).sort()).toEqual(["id", "name", "organization", "role", "specialty"]);
    expect((await findClinicians({ actor: patient, input: { query: `hospital ${token}` } })).map((c) => c.id)).toEqual([verified.id]);
    expect((await findClinicians({ actor: patient, input: { query: verified.email.toUpperCase() } })).map((c) => c.id)).toEqual([verified.id]);
    expect(await findClinicians({ actor: patient, input: { query: verified.email.slice(0, 10) } })).toEqual([]);
    expect(await errorOf(findClinicians({ actor: verified, input: { query: token } }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
