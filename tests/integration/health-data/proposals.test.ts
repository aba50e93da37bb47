// A clinician's change to health data follows the proposal flow: it changes
// nothing until applyHealthEntryProposal runs in the patient's approval, which
// applies it only while the entry is still at the version the clinician saw.
// And who may propose or see at all.
import { db } from "@/lib/db";
import { addHealthEntry } from "@/lib/health/add-health-entry";
import { applyHealthEntryProposal } from "@/lib/health/apply-health-entry-proposal";
import { getPatientSummary } from "@/lib/health/get-patient-summary";
import { listHealthEntries } from "@/lib/health/list-health-entries";
import { proposeHealthEntryChange } from "@/lib/health/propose-health-entry-change";
import { updateHealthEntry } from "@/lib/health/update-health-entry";
import { allergy, auditFor, context, createPatient, createRecordRow, createVerifiedClinician, errorOf, grant, lab } from "./helpers";

afterAll(() => db.$disconnect());

async function setUp(level: "CONTRIBUTE" | "PROPOSE_EDITS" | "VIEW" = "PROPOSE_EDITS") {
  const patient = await createPatient();
  const clinician = await createVerifiedClinician();
  const theGrant = await grant({ patientId: patient.id, granteeId: clinician.id, level });
  const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });
  return { patient, clinician, grant: theGrant, entry };
}

const approve = (proposalId: string, approverId: string) =>
  db.$transaction(async (tx) => applyHealthEntryProposal({ tx, proposal: await tx.editProposal.findUniqueOrThrow({ where: { id: proposalId } }), approverId }));

describe("proposeHealthEntryChange and applyHealthEntryProposal", () => {
  it("stores a proposal and tells the patient, changing nothing until approval; approval applies it as a new version", async () => {
    const { patient, clinician, grant: theGrant, entry } = await setUp("PROPOSE_EDITS");
    const { proposalId } = await proposeHealthEntryChange({
      actor: clinician,
      input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "moderate" }, note: "Seen in clinic" },
      context,
    });

    const proposal = await db.editProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ patientId: patient.id, proposedById: clinician.id, target: "HEALTH_ENTRY", healthEntryId: entry.id, healthKind: "ALLERGY", baseVersion: 1, status: "PENDING" });
    expect(proposal.before).toMatchObject({ severity: "severe" });
    expect(proposal.after).toMatchObject({ severity: "moderate", substance: "Penicillin" });

    const unchanged = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(unchanged.version).toBe(1);
    expect(unchanged.data).toMatchObject({ severity: "severe" });
    expect(await db.healthEntryVersion.count({ where: { entryId: entry.id } })).toBe(0);

    const notifications = await db.notification.findMany({ where: { userId: patient.id, type: "EDIT_PROPOSED" } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.link).toBe("/patient/proposals");
    expect(JSON.stringify(notifications)).not.toMatch(/Penicillin|moderate|allerg/i);

    const proposed = await auditFor({ targetId: proposalId, action: "health_entry.change_proposed" });
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ actorId: clinician.id, patientId: patient.id, outcome: "ALLOWED" });
    expect(proposed[0]!.details).toEqual({ kind: "ALLERGY", healthEntryId: entry.id, fields: "severity", newEntry: false, via: "grant", grantId: theGrant.id, emergency: false });
    expect(JSON.stringify(proposed.map((e) => e.details))).not.toMatch(/Penicillin|Seen in clinic/);

    expect(await approve(proposalId, patient.id)).toBe("applied");
    const applied = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(applied.version).toBe(2);
    expect(applied.data).toMatchObject({ severity: "moderate" });
    expect(applied.updatedById).toBe(patient.id);
    const versions = await db.healthEntryVersion.findMany({ where: { entryId: entry.id } });
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.previous).toMatchObject({ data: { severity: "severe" } });
    const updatedEvents = await auditFor({ targetId: entry.id, action: "health_entry.updated" });
    expect(updatedEvents).toHaveLength(1);
    expect(updatedEvents[0]!.details).toMatchObject({ kind: "ALLERGY", fields: "severity", version: 2, proposalId, proposedById: clinician.id });
  });

  it("answers outdated, changing nothing, when the patient changed the entry after the proposal", async () => {
    const { patient, clinician, entry } = await setUp("CONTRIBUTE");
    const { proposalId } = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, reaction: "Anaphylaxis" } } });
    await updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, severity: "mild" } } });

    expect(await approve(proposalId, patient.id)).toBe("outdated");
    const row = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row.version).toBe(2);
    expect(row.data).toMatchObject({ severity: "mild", reaction: "Hives" });
    expect(await auditFor({ targetId: entry.id, action: "health_entry.updated" })).toHaveLength(1);
  });

  it("refuses a proposal made against an older version than the current one", async () => {
    const { patient, clinician, entry } = await setUp();
    await updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, severity: "mild" } } });
    const error = await errorOf(proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: allergy } }));
    expect(error.code).toBe("CONFLICT");
    expect(await db.editProposal.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("proposes a new entry; approval creates it and links it to the proposal", async () => {
    const { patient, clinician } = await setUp("CONTRIBUTE");
    const { proposalId } = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, kind: "LAB_RESULT", data: lab } });
    expect(await db.healthEntry.count({ where: { patientId: patient.id, kind: "LAB_RESULT" } })).toBe(0);

    expect(await approve(proposalId, patient.id)).toBe("applied");
    const created = await db.healthEntry.findFirstOrThrow({ where: { patientId: patient.id, kind: "LAB_RESULT" } });
    expect(created).toMatchObject({ version: 1, deletedAt: null });
    expect(created.effectiveAt?.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect((await db.editProposal.findUniqueOrThrow({ where: { id: proposalId } })).healthEntryId).toBe(created.id);
  });

  it("refuses an approval by anyone but the patient", async () => {
    const { patient, clinician, entry } = await setUp();
    const { proposalId } = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "mild" } } });
    expect((await errorOf(approve(proposalId, clinician.id))).code).toBe("NOT_FOUND");
    expect((await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } })).version).toBe(1);
  });

  it("answers outdated for an entry removed since", async () => {
    const { patient, clinician, entry } = await setUp();
    const { proposalId } = await proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "mild" } } });
    await db.healthEntry.update({ where: { id: entry.id }, data: { deletedAt: new Date() } });
    expect(await approve(proposalId, patient.id)).toBe("outdated");
  });
});

describe("who may see and propose", () => {
  it("a VIEW grant sees the data and the summary but cannot propose", async () => {
    const { patient, clinician, entry } = await setUp("VIEW");
    expect((await listHealthEntries({ actor: clinician, patientId: patient.id, kind: "ALLERGY" })).map((e) => e.id)).toEqual([entry.id]);
    const summary = await getPatientSummary({ actor: clinician, patientId: patient.id, context });
    expect(summary.health?.allergies.map((e) => e.id)).toEqual([entry.id]);
    expect(summary.can).toEqual({ changeHealth: false, proposeHealth: false });

    const error = await errorOf(proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: { ...allergy, severity: "mild" } } }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await db.editProposal.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: patient.id, type: "EDIT_PROPOSED" } })).toBe(0);
  });

  it("an unrelated clinician gets NOT_FOUND everywhere, like for a patient who does not exist", async () => {
    const { patient, entry } = await setUp();
    const stranger = await createVerifiedClinician();
    for (const patientId of [patient.id, "no-such-patient"]) {
      expect((await errorOf(listHealthEntries({ actor: stranger, patientId, kind: "ALLERGY" }))).code).toBe("NOT_FOUND");
      expect((await errorOf(getPatientSummary({ actor: stranger, patientId }))).code).toBe("NOT_FOUND");
      expect((await errorOf(proposeHealthEntryChange({ actor: stranger, input: { patientId, kind: "ALLERGY", data: allergy } }))).code).toBe("NOT_FOUND");
    }
    expect((await errorOf(proposeHealthEntryChange({ actor: stranger, input: { patientId: patient.id, entryId: entry.id, baseVersion: 1, data: allergy } }))).code).toBe("NOT_FOUND");
    expect(await auditFor({ actorId: stranger.id, action: "health_data.viewed" })).toHaveLength(0);
  });

  it("a category grant shows its records on the summary but no health data, and cannot propose", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await grant({ patientId: patient.id, granteeId: clinician.id, level: "PROPOSE_EDITS", scope: "CATEGORIES", categories: ["LAB_RESULT"] });
    await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });
    const shared = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });
    await createRecordRow({ ownerId: patient.id, category: "IMAGING" });

    const summary = await getPatientSummary({ actor: clinician, patientId: patient.id });
    expect(summary.health).toBeNull();
    expect(summary.recentRecords.map((r) => r.id)).toEqual([shared.id]);
    expect((await errorOf(listHealthEntries({ actor: clinician, patientId: patient.id, kind: "ALLERGY" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(proposeHealthEntryChange({ actor: clinician, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } }))).code).toBe("NOT_FOUND");
  });

  it("the patient's summary: allergies, active problems, current medications, flagged labs, latest vitals, recent records", async () => {
    const patient = await createPatient();
    const add = (kind: "ALLERGY" | "CONDITION" | "MEDICATION" | "LAB_RESULT" | "VITAL_SIGN", data: object) => addHealthEntry({ actor: patient, input: { patientId: patient.id, kind, data } });
    await add("ALLERGY", { substance: "Pollen", severity: "mild" });
    await add("ALLERGY", allergy);
    await add("CONDITION", { name: "Asthma", clinicalStatus: "active" });
    await add("CONDITION", { name: "Fracture", clinicalStatus: "resolved" });
    await add("MEDICATION", { name: "Metformin", dose: "500 mg", status: "active" });
    await add("MEDICATION", { name: "Amoxicillin", status: "completed", stopDate: "2024-01-10" });
    await add("LAB_RESULT", lab);
    await add("LAB_RESULT", { test: "Sodium", value: 140, referenceLow: 135, referenceHigh: 145, takenAt: "2025-09-01" });
    await add("VITAL_SIGN", { type: "heart-rate", value: 64, unit: "bpm", takenAt: "2025-01-01" });
    await add("VITAL_SIGN", { type: "heart-rate", value: 72, unit: "bpm", takenAt: "2025-06-01" });
    await add("VITAL_SIGN", { type: "blood-pressure", value: 128, diastolic: 82, unit: "mmHg", takenAt: "2025-06-01" });
    const record = await createRecordRow({ ownerId: patient.id, category: "LAB_RESULT" });

    const summary = await getPatientSummary({ actor: patient, patientId: patient.id });
    const health = summary.health!;
    expect(health.allergies.map((e) => e.data.substance)).toEqual(["Penicillin", "Pollen"]);
    expect(health.activeProblems.map((e) => e.data.name)).toEqual(["Asthma"]);
    expect(health.currentMedications.map((e) => e.data.name)).toEqual(["Metformin"]);
    expect(health.recentLabs.map((e) => [e.data.test, e.flag])).toEqual([
      ["HbA1c", "high"],
      ["Sodium", "normal"],
    ]);
    expect(health.latestVitals.map((v) => [v.type, v.latest.data.value, v.readings])).toEqual([
      ["blood-pressure", 128, 1],
      ["heart-rate", 72, 2],
    ]);
    expect(summary.recentRecords.map((r) => r.id)).toEqual([record.id]);
    expect(summary.can).toEqual({ changeHealth: true, proposeHealth: false });
    // The patient's own look is not an access to audit.
    expect(await auditFor({ actorId: patient.id, action: "health_data.viewed" })).toHaveLength(0);
  });
});
