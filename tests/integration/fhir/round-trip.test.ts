// Export a seeded patient as FHIR, import it into a fresh patient, compare;
// importing again (or into the original patient) adds nothing.
import { db } from "@/lib/db";
import { buildPatientBundle } from "@/lib/fhir/build-patient-bundle";
import { importBundle } from "@/lib/fhir/import-bundle";
import { previewImport } from "@/lib/fhir/preview-import";
import { validateResource } from "@/lib/fhir/validate";
import { createActor, errorOf } from "@/tests/integration/records/helpers";
import { context, ENTRIES, entriesOf, seedPatient } from "./seed";

jest.setTimeout(60_000);
afterAll(() => db.$disconnect());

describe("FHIR export and import", () => {
  it("exports every resource type in a valid Bundle, and a fresh patient imports the same entries once", async () => {
    const { patient } = await seedPatient();
    const bundle = await buildPatientBundle({ patientId: patient.id });
    expect(validateResource(bundle).issues).toEqual([]);
    const types = bundle.entry!.map((e) => e.resource!.resourceType);
    for (const type of ["Patient", "Condition", "MedicationStatement", "AllergyIntolerance", "Observation", "Immunization", "DocumentReference", "ImagingStudy"]) {
      expect(types).toContain(type);
    }
    expect(types.filter((t) => t === "DocumentReference")).toHaveLength(2);
    expect(validateResource(await buildPatientBundle({ patientId: patient.id, type: "document" })).issues).toEqual([]);

    const text = JSON.stringify(bundle);
    const fresh = await createActor("PATIENT");
    const preview = await previewImport({ actor: fresh, text });
    expect(preview.counts).toEqual({ new: ENTRIES.length, existing: 0, skipped: 0, notImported: 4 }); // Patient, 2 DocumentReference, ImagingStudy
    expect(preview.otherTypes).toEqual({ Patient: 1, DocumentReference: 2, ImagingStudy: 1 });
    expect(await db.healthEntry.count({ where: { patientId: fresh.id } })).toBe(0); // a preview writes nothing

    expect(await importBundle({ actor: fresh, text, context })).toEqual({ created: ENTRIES.length, existing: 0, skipped: 0, notImported: 4 });
    expect(await entriesOf(fresh.id)).toEqual(await entriesOf(patient.id));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "health.imported", actorId: fresh.id } });
    expect(audit.details).toMatchObject({ created: ENTRIES.length });
    expect(JSON.stringify(audit.details)).not.toMatch(/Asthma|Penicillin/);

    // Again: nothing new, everything "already there".
    expect((await previewImport({ actor: fresh, text })).counts).toMatchObject({ new: 0, existing: ENTRIES.length });
    expect(await importBundle({ actor: fresh, text, context })).toMatchObject({ created: 0, existing: ENTRIES.length });
    expect(await db.healthEntry.count({ where: { patientId: fresh.id } })).toBe(ENTRIES.length);

    // The fresh patient's own export carries the original identifiers: importing it back into the source adds nothing either.
    const back = JSON.stringify(await buildPatientBundle({ patientId: fresh.id }));
    expect(await importBundle({ actor: patient, text: back, context })).toMatchObject({ created: 0, existing: ENTRIES.length });
    expect(await importBundle({ actor: patient, text, context })).toMatchObject({ created: 0 });
  });

  it("imports another provider's resources without identifiers once (content hash), and reports what it skips", async () => {
    const fresh = await createActor("PATIENT");
    const foreign = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          resource: {
            resourceType: "Observation",
            status: "final",
            category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
            code: { coding: [{ system: "http://loinc.org", code: "8867-4", display: "Heart rate" }] },
            subject: { reference: "Patient/elsewhere" },
            effectiveDateTime: "2024-03-01T09:30:00+01:00",
            valueQuantity: { value: 64, unit: "beats/minute", system: "http://unitsofmeasure.org", code: "/min" },
            extension: [{ url: "http://example.org/x", valueString: "ignored" }],
          },
        },
        { resource: { resourceType: "Condition", code: { coding: [{ system: "http://snomed.info/sct", code: "44054006", display: "Diabetes mellitus type 2" }] }, subject: { reference: "Patient/elsewhere" }, onsetDateTime: "2019" } },
        { resource: { resourceType: "Immunization", status: "not-done", vaccineCode: { text: "Flu" }, patient: { reference: "Patient/elsewhere" }, occurrenceDateTime: "2023-10-01" } },
        { resource: { resourceType: "MedicationStatement", status: "taking", medicationCodeableConcept: { text: "X" }, subject: { reference: "Patient/elsewhere" } } },
        { resource: { resourceType: "Procedure", status: "completed" } },
      ],
    };
    const text = JSON.stringify(foreign);
    const preview = await previewImport({ actor: fresh, text });
    expect(preview.items.map((i) => [i.resourceType, i.status])).toEqual([
      ["Observation", "new"],
      ["Condition", "new"],
      ["Immunization", "skipped"],
      ["MedicationStatement", "skipped"],
    ]);
    expect(preview.items[3]!.reason).toMatch(/does not follow the FHIR R4 structure/);
    expect(preview.counts.notImported).toBe(1);

    expect(await importBundle({ actor: fresh, text, context })).toMatchObject({ created: 2, skipped: 2 });
    const rows = await db.healthEntry.findMany({ where: { patientId: fresh.id }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.data])).toEqual([
      ["CONDITION", { name: "Diabetes mellitus type 2", clinicalStatus: "active" }],
      ["VITAL_SIGN", { type: "heart-rate", value: 64, unit: "bpm", takenAt: "2024-03-01" }],
    ]);
    expect(rows.every((r) => r.sourceKey?.startsWith("urn:medvault:fhir-resource-sha256|"))).toBe(true);
    expect(await importBundle({ actor: fresh, text, context })).toMatchObject({ created: 0, existing: 2 });
  });

  it("refuses what is not a Bundle, broken JSON, files over the limit, and non-patients", async () => {
    const fresh = await createActor("PATIENT");
    expect(await errorOf(previewImport({ actor: fresh, text: "{" }))).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/not valid JSON/) });
    expect(await errorOf(previewImport({ actor: fresh, text: JSON.stringify({ resourceType: "Patient" }) }))).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await errorOf(previewImport({ actor: fresh, text: " ".repeat(10 * 1024 * 1024 + 1) }))).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/larger than/) });
    const clinician = await createActor("PHYSICIAN");
    expect(await errorOf(importBundle({ actor: clinician, text: "{}", context }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
