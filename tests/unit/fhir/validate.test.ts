// The structural validator: an exported Bundle with every resource type passes;
// each kind of breakage a receiver would choke on is caught and located.
import { assemblePatientBundle } from "@/lib/fhir/assemble-bundle";
import type { Bundle } from "@/lib/fhir/r4";
import { validateResource } from "@/lib/fhir/validate";
import { everyKindOfEntry, patient, records } from "./fixtures";

const build = (type: "collection" | "document" = "collection") =>
  assemblePatientBundle({
    patient,
    entries: everyKindOfEntry(),
    records: records(),
    type,
    baseUrl: "https://vault.example.org/api/fhir/R4",
    attachmentUrl: (record) => `files/${record.id}/${encodeURIComponent(record.originalName)}`,
    now: new Date("2026-02-01T10:00:00.000Z"),
  });

/** A deep copy of the Bundle with `change` applied to the first resource of `type`. */
function broken(type: string, change: (resource: Record<string, unknown>) => void, bundleType: "collection" | "document" = "collection"): Bundle {
  const copy = JSON.parse(JSON.stringify(build(bundleType))) as Bundle;
  const entry = copy.entry?.find((e) => e.resource?.resourceType === type);
  if (!entry?.resource) throw new Error(`no ${type} in the fixture`);
  change(entry.resource as unknown as Record<string, unknown>);
  return copy;
}

const messages = (bundle: unknown) => validateResource(bundle).issues.map((i) => `${i.path}: ${i.message}`);

describe("an exported Bundle", () => {
  it.each(["collection", "document"] as const)("of type %s has every resource type and validates", (type) => {
    const bundle = build(type);
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    const expected = ["Patient", "Condition", "MedicationStatement", "AllergyIntolerance", "Observation", "Immunization", "DocumentReference", "ImagingStudy"];
    expect([...types]).toEqual(expect.arrayContaining(type === "document" ? [...expected, "Composition"] : expected));
    expect(messages(bundle)).toEqual([]);
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe(type === "document" ? "Composition" : "Patient");
  });

  it("codes vitals with LOINC and UCUM, and flags labs against their reference range", () => {
    const observations = build().entry!.map((e) => e.resource!).filter((r) => r.resourceType === "Observation");
    const loinc = observations.flatMap((o) => o.code.coding?.filter((c) => c.system === "http://loinc.org").map((c) => c.code) ?? []);
    expect(loinc.sort()).toEqual(["29463-7", "59408-5", "8302-2", "8310-5", "85354-9", "8867-4"].sort());
    const bp = observations.find((o) => o.code.coding?.[0]?.code === "85354-9")!;
    expect(bp.valueQuantity).toBeUndefined();
    expect(bp.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code])).toEqual([
      ["8480-6", 128, "mm[Hg]"],
      ["8462-4", 82, "mm[Hg]"],
    ]);
    const hemoglobin = observations.find((o) => o.code.text === "Hemoglobin")!;
    expect(hemoglobin.referenceRange).toEqual([{ low: { value: 12, unit: "g/dL" }, high: { value: 16, unit: "g/dL" } }]);
    expect(hemoglobin.interpretation?.[0]?.coding?.[0]).toMatchObject({ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "L" });
    const strep = observations.find((o) => o.code.text === "Strep A antigen")!;
    expect(strep).toMatchObject({ valueString: "negative", identifier: [{ system: "http://lab.example/ids", value: "L-42" }] });
    expect(strep.interpretation).toBeUndefined();
  });

  it("gives each record a DocumentReference with category, date and attachment path, and DICOM an ImagingStudy", () => {
    const resources = build().entry!.map((e) => e.resource!);
    const pdf = resources.find((r) => r.resourceType === "DocumentReference" && r.id === "crecordpdf00000000000001");
    expect(pdf).toMatchObject({
      type: { coding: [{ system: "http://loinc.org", code: "11502-2" }] },
      category: [{ coding: [{ code: "LAB_RESULT" }] }],
      content: [{ attachment: { url: "files/crecordpdf00000000000001/blood%20test.pdf", contentType: "application/pdf", size: 1234, creation: "2025-11-03" } }],
      context: { period: { start: "2025-11-03" } },
    });
    const study = resources.find((r) => r.resourceType === "ImagingStudy");
    expect(study).toMatchObject({ status: "available", modality: [{ system: "http://dicom.nema.org/resources/ontology/DCM", code: "CT" }], started: "2025-10-01", subject: { reference: `Patient/${patient.id}` } });
  });
});

describe("the validator rejects", () => {
  const cases: Array<[string, () => Bundle, RegExp]> = [
    ["a missing required element", () => broken("Observation", (r) => delete r.status), /Observation\)\.status: is required/],
    ["a code outside its value set", () => broken("MedicationStatement", (r) => (r.status = "taking")), /"taking" is not one of/],
    ["a binding without the bound system", () => broken("Condition", (r) => (r.clinicalStatus = { text: "active" })), /clinicalStatus: needs a coding from/],
    ["a wrong code in a bound CodeableConcept", () => broken("AllergyIntolerance", (r) => (r.clinicalStatus = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code: "maybe" }] })), /"maybe" is not a code/],
    ["an array where one value is allowed", () => broken("Observation", (r) => (r.code = [r.code])), /code: must be a single value/],
    ["one value where an array is required", () => broken("Patient", (r) => (r.identifier = (r.identifier as unknown[])[0])), /identifier: must be an array/],
    ["an empty array", () => broken("Condition", (r) => (r.category = [])), /category: must not be an empty array/],
    ["an empty string", () => broken("Immunization", (r) => (r.lotNumber = "")), /lotNumber: must not be empty/],
    ["a null", () => broken("Immunization", (r) => (r.lotNumber = null)), /lotNumber: must not be null/],
    ["an impossible date", () => broken("Immunization", (r) => (r.occurrenceDateTime = "2021-02-30")), /occurrenceDateTime: is not a real dateTime/],
    ["a dateTime with a time but no zone", () => broken("Condition", (r) => (r.onsetDateTime = "2010-04-01T10:00:00")), /onsetDateTime: is not a valid dateTime/],
    ["an invalid id", () => broken("Condition", (r) => (r.id = "has spaces")), /id: is not a valid id/],
    ["an unknown element", () => broken("Patient", (r) => (r.favouriteColour = "blue")), /favouriteColour: is not an element we know/],
    ["two choices of one [x] element", () => broken("Immunization", (r) => (r.occurrenceString = "last year")), /occurrence\[x\]: only one of/],
    ["a missing required choice", () => broken("Immunization", (r) => delete r.occurrenceDateTime), /occurrence\[x\]: is required/],
    ["a missing required backbone child", () => broken("AllergyIntolerance", (r) => delete (r.reaction as Array<Record<string, unknown>>)[0]!.manifestation), /reaction\[0\]\.manifestation: is required/],
    ["a reference to a type the element does not allow", () => broken("Observation", (r) => (r.subject = { reference: "Observation/x" })), /subject: may point at Patient or Group/],
    ["a reference that does not resolve inside the Bundle", () => broken("Condition", (r) => (r.subject = { reference: "Patient/someone-else" })), /points at Patient\/someone-else, which is not in the Bundle/],
    ["a dangling related reference", () => broken("DocumentReference", (r) => ((r.context as Record<string, unknown>).related = [{ reference: "ImagingStudy/gone" }])), /not in the Bundle/],
    ["an active condition with an abatement (con-4)", () => broken("Condition", (r) => (r.abatementDateTime = "2020-01-01")), /con-4/],
    ["an allergy without clinicalStatus (ait-1)", () => broken("AllergyIntolerance", (r) => delete r.clinicalStatus), /ait-1/],
    ["a value with a dataAbsentReason (obs-6)", () => broken("Observation", (r) => (r.dataAbsentReason = { text: "unknown" })), /obs-6/],
    ["a reference range with nothing in it (obs-3)", () => broken("Observation", (r) => (r.referenceRange = [{ type: { text: "normal" } }])), /obs-3/],
    ["a negative size", () => broken("DocumentReference", (r) => ((r.content as Array<{ attachment: Record<string, unknown> }>)[0]!.attachment.size = -1)), /size: must be an integer of at least 0/],
    ["a document without its Composition first (bdl-11)", () => {
      const bundle = build("document");
      bundle.entry = [...bundle.entry!.slice(1), bundle.entry![0]!];
      return bundle;
    }, /bdl-11/],
  ];

  it("an attachment URL with a space (not a valid url)", () => {
    const bundle = assemblePatientBundle({ patient, entries: [], records: records(), type: "collection", baseUrl: "https://x.example/fhir", attachmentUrl: (r) => `files/${r.originalName}` });
    expect(messages(bundle).join("\n")).toMatch(/attachment\.url: is not a valid url/);
  });

  it.each(cases)("%s", (_name, make, pattern) => {
    const result = validateResource(make());
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n")).toMatch(pattern);
  });

  it("duplicate fullUrls, a missing fullUrl and an entry without a resource", () => {
    const bundle = build();
    bundle.entry!.push({ ...bundle.entry![1]! });
    bundle.entry!.push({ fullUrl: "urn:uuid:5b1e3a34-0a62-4bcb-9d4c-1f6f1c1c1c1c" });
    bundle.entry!.push({ resource: bundle.entry![2]!.resource });
    const text = messages(bundle).join("\n");
    expect(text).toMatch(/appears twice \(bdl-7\)/);
    expect(text).toMatch(/needs a resource \(bdl-5\)/);
    expect(text).toMatch(/fullUrl: is required/);
  });

  it("a resource type it does not know, unless told to skip such types", () => {
    const bundle = build();
    bundle.entry!.push({ fullUrl: "https://vault.example.org/api/fhir/R4/Procedure/p1", resource: { resourceType: "Procedure", id: "p1" } as never });
    expect(messages(bundle).join("\n")).toMatch(/"Procedure" is not a resource type MedVault reads/);
    expect(validateResource(bundle, { allowUnknownResourceTypes: true }).valid).toBe(true);
  });
});
