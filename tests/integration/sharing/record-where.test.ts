// recordWhereForActor against real rows: only what is in scope comes back,
// for owners, grantees of each scope, and nothing for everyone else.
import { recordWhereForActor } from "@/lib/authz/record-where";
import { db } from "@/lib/db";
import { createAdminUser } from "@/tests/factories/clinicians";
import { grantAccess } from "@/lib/sharing/grant-access";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import { accessActor, context, createPatient, createPendingClinician, createRecordRow, createVerifiedClinician } from "./helpers";

afterAll(() => db.$disconnect());

const idsFor = async (where: Awaited<ReturnType<typeof recordWhereForActor>>) =>
  (await db.record.findMany({ where, select: { id: true } })).map((r) => r.id).sort();

describe("recordWhereForActor", () => {
  it("returns only the records each actor may see", async () => {
    const [alice, bob, carol] = [await createPatient(), await createPatient(), await createPatient()];
    const aliceImaging = await createRecordRow({ ownerId: alice.id, category: "IMAGING" });
    const aliceLab = await createRecordRow({ ownerId: alice.id, category: "LAB_RESULT" });
    const aliceUncategorized = await createRecordRow({ ownerId: alice.id });
    const bobOne = await createRecordRow({ ownerId: bob.id, category: "LAB_RESULT" });
    const bobTwo = await createRecordRow({ ownerId: bob.id, category: "LAB_RESULT" });
    const carolAll = await createRecordRow({ ownerId: carol.id, category: "REFERRAL" });

    const clinician = await createVerifiedClinician();
    await grantAccess({ actor: alice, input: { granteeId: clinician.id, level: "DOWNLOAD", scope: "CATEGORIES", categories: ["IMAGING"] }, context });
    await grantAccess({ actor: bob, input: { granteeId: clinician.id, level: "VIEW", scope: "RECORDS", recordIds: [bobTwo.id] }, context });
    const carolGrant = await grantAccess({ actor: carol, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    const actor = await accessActor(clinician.id);

    expect(await idsFor(await recordWhereForActor({ actor }))).toEqual([aliceImaging.id, bobTwo.id, carolAll.id].sort());
    expect(await idsFor(await recordWhereForActor({ actor, patientId: alice.id }))).toEqual([aliceImaging.id]);
    expect(await idsFor(await recordWhereForActor({ actor, action: "download" }))).toEqual([aliceImaging.id]);
    expect(await idsFor(await recordWhereForActor({ actor, action: "edit" }))).toEqual([]);

    await revokeGrant({ actor: carol, grantId: carolGrant.grant.id, context });
    expect(await idsFor(await recordWhereForActor({ actor }))).toEqual([aliceImaging.id, bobTwo.id].sort());

    // Owners see their own rows only; nobody else sees anything.
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor(alice.id) }))).toEqual([aliceImaging.id, aliceLab.id, aliceUncategorized.id].sort());
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor(alice.id), patientId: bob.id }))).toEqual([]);
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor((await createAdminUser()).id) }))).toEqual([]);
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor((await createPendingClinician()).id) }))).toEqual([]);
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor((await createVerifiedClinician()).id) }))).toEqual([]);
    expect(await idsFor(await recordWhereForActor({ actor: null }))).toEqual([]);
    expect(bobOne.id).toBeDefined();
  });

  it("stops at once for a clinician suspended while holding grants", async () => {
    const patient = await createPatient();
    await createRecordRow({ ownerId: patient.id, category: "IMAGING" });
    const clinician = await createVerifiedClinician();
    await grantAccess({ actor: patient, input: { granteeId: clinician.id, level: "VIEW", scope: "ALL" }, context });
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor(clinician.id) }))).toHaveLength(1);
    await db.user.update({ where: { id: clinician.id }, data: { status: "SUSPENDED" } });
    expect(await idsFor(await recordWhereForActor({ actor: await accessActor(clinician.id) }))).toEqual([]);
  });
});
