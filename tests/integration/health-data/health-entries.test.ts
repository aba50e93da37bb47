// The patient's own changes against the real database: validation, versions
// kept on every change, optimistic conflicts, soft removal, audit rows that
// name fields and never values, and who may read.
import { db } from "@/lib/db";
import { addHealthEntry } from "@/lib/health/add-health-entry";
import { getHealthEntry } from "@/lib/health/get-health-entry";
import { listHealthEntries } from "@/lib/health/list-health-entries";
import { removeHealthEntry } from "@/lib/health/remove-health-entry";
import { updateHealthEntry } from "@/lib/health/update-health-entry";
import { allergy, auditFor, condition, context, createPatient, createVerifiedClinician, errorOf, grant, lab } from "./helpers";

afterAll(() => db.$disconnect());

describe("a patient's own health data", () => {
  it("adds an entry with its effective date and an audit row without medical content", async () => {
    const patient = await createPatient();
    const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "LAB_RESULT", data: lab }, context });
    expect(entry).toMatchObject({ kind: "LAB_RESULT", version: 1, effectiveDay: "2025-10-01", patientId: patient.id });
    expect(entry.data).toEqual({ test: "HbA1c", value: 7.9, unit: "%", referenceLow: 4, referenceHigh: 5.6, takenAt: "2025-10-01" });

    const stored = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored.effectiveAt?.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(stored.createdById).toBe(patient.id);

    const events = await auditFor({ targetId: entry.id });
    expect(events.map((e) => [e.action, e.outcome, e.actorId, e.patientId, e.targetType])).toEqual([["health_entry.created", "ALLOWED", patient.id, patient.id, "health_entry"]]);
    expect(events[0]!.details).toEqual({ kind: "LAB_RESULT", version: 1 });
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/HbA1c|7\.9/);
  });

  it("refuses invalid data with per-field messages and writes nothing", async () => {
    const patient = await createPatient();
    const error = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: { substance: " ", severity: "deadly" } } }).catch((e) => e);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fieldErrors.substance[0]).toMatch(/Enter the substance/);
    expect(error.details.fieldErrors.severity[0]).toMatch(/mild, moderate or severe/);
    expect(await db.healthEntry.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("keeps the previous values as a version on each update, and refuses an edit made against an older version", async () => {
    const patient = await createPatient();
    const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "CONDITION", data: condition }, context });

    const updated = await updateHealthEntry({
      actor: patient,
      input: { entryId: entry.id, expectedVersion: 1, data: { ...condition, clinicalStatus: "resolved", resolvedDate: "2024-01-05" } },
      context,
    });
    expect(updated.version).toBe(2);
    expect(updated.data).toMatchObject({ clinicalStatus: "resolved", resolvedDate: "2024-01-05" });

    const versions = await db.healthEntryVersion.findMany({ where: { entryId: entry.id }, orderBy: { version: "asc" } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedById: patient.id });
    expect(versions[0]!.previous).toMatchObject({ kind: "CONDITION", data: { name: "Type 2 diabetes", clinicalStatus: "active", onsetDate: "2020-02-10" }, deletedAt: null });

    // A second tab still holding version 1.
    const stale = await errorOf(updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...condition, notes: "x" } } }));
    expect(stale.code).toBe("CONFLICT");
    expect((await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } })).version).toBe(2);
    expect(await db.healthEntryVersion.count({ where: { entryId: entry.id } })).toBe(1);

    const noChange = await errorOf(updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 2, data: updated.data } }));
    expect(noChange.code).toBe("VALIDATION_FAILED");

    const events = await auditFor({ targetId: entry.id, action: "health_entry.updated" });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ kind: "CONDITION", fields: "clinicalStatus,resolvedDate", version: 2 });
  });

  it("lets only one of two concurrent edits of the same version through", async () => {
    const patient = await createPatient();
    const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });
    const results = await Promise.allSettled([
      updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, severity: "mild" } } }),
      updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, severity: "moderate" } } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("CONFLICT");
    expect(await db.healthEntryVersion.count({ where: { entryId: entry.id } })).toBe(1);
  });

  it("removes softly: gone from lists, kept as a version, audited; removing again is NOT_FOUND", async () => {
    const patient = await createPatient();
    const kept = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: { ...allergy, substance: "Latex" } } });
    const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });
    expect((await listHealthEntries({ actor: patient, patientId: patient.id, kind: "ALLERGY" })).map((e) => e.id).sort()).toEqual([kept.id, entry.id].sort());

    expect((await errorOf(removeHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 7 } }))).code).toBe("CONFLICT");
    const removed = await removeHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 1 }, context });
    expect(removed).toEqual({ entryId: entry.id, version: 2 });

    const row = await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.data).toMatchObject({ substance: "Penicillin" });
    expect(await db.healthEntryVersion.count({ where: { entryId: entry.id, version: 1 } })).toBe(1);
    expect((await listHealthEntries({ actor: patient, patientId: patient.id, kind: "ALLERGY" })).map((e) => e.id)).toEqual([kept.id]);
    expect((await errorOf(getHealthEntry({ actor: patient, entryId: entry.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(removeHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 2 } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(updateHealthEntry({ actor: patient, input: { entryId: entry.id, expectedVersion: 2, data: allergy } }))).code).toBe("NOT_FOUND");

    const events = await auditFor({ targetId: entry.id });
    expect(events.map((e) => e.action)).toEqual(["health_entry.created", "health_entry.removed"]);
    expect(events[1]!.details).toEqual({ kind: "ALLERGY", version: 2 });
  });

  it("lists by kind, newest first, and another patient's entry looks like a missing one", async () => {
    const patient = await createPatient();
    const other = await createPatient();
    await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "LAB_RESULT", data: { ...lab, takenAt: "2024-01-01" } } });
    const newer = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "LAB_RESULT", data: lab } });
    await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });

    const labs = await listHealthEntries({ actor: patient, patientId: patient.id, kind: "LAB_RESULT" });
    expect(labs.map((e) => e.effectiveDay)).toEqual(["2025-10-01", "2024-01-01"]);
    expect(labs.every((e) => e.kind === "LAB_RESULT")).toBe(true);

    expect((await errorOf(listHealthEntries({ actor: other, patientId: patient.id, kind: "LAB_RESULT" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(getHealthEntry({ actor: other, entryId: newer.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(getHealthEntry({ actor: other, entryId: "no-such-entry" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(updateHealthEntry({ actor: other, input: { entryId: newer.id, expectedVersion: 1, data: lab } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(removeHealthEntry({ actor: other, input: { entryId: newer.id, expectedVersion: 1 } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(addHealthEntry({ actor: other, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } }))).code).toBe("NOT_FOUND");
    expect((await db.healthEntry.findUniqueOrThrow({ where: { id: newer.id } })).version).toBe(1);
  });

  it("never lets a clinician change directly, whatever the grant", async () => {
    const patient = await createPatient();
    const clinician = await createVerifiedClinician();
    await grant({ patientId: patient.id, granteeId: clinician.id, level: "CONTRIBUTE" });
    const entry = await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } });

    expect((await errorOf(addHealthEntry({ actor: clinician, input: { patientId: patient.id, kind: "ALLERGY", data: allergy } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(updateHealthEntry({ actor: clinician, input: { entryId: entry.id, expectedVersion: 1, data: { ...allergy, severity: "mild" } } }))).code).toBe("NOT_FOUND");
    expect((await errorOf(removeHealthEntry({ actor: clinician, input: { entryId: entry.id, expectedVersion: 1 } }))).code).toBe("NOT_FOUND");
    expect((await db.healthEntry.findUniqueOrThrow({ where: { id: entry.id } })).version).toBe(1);
    // ...but may read, and that read is on the patient's trail.
    const seen = await listHealthEntries({ actor: clinician, patientId: patient.id, kind: "ALLERGY", context });
    expect(seen.map((e) => e.id)).toEqual([entry.id]);
    const views = await auditFor({ actorId: clinician.id, action: "health_data.viewed" });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ patientId: patient.id, outcome: "ALLOWED" });
    expect(views[0]!.details).toMatchObject({ view: "ALLERGY", via: "grant" });
  });
});
