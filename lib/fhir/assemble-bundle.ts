// Puts a patient's resources into one Bundle: "collection" (a plain set, what
// the export ZIP carries) or "document" (a Composition first, which lists the
// entries by section). Pure, so the structure can be tested without a database.
import { createHash } from "node:crypto";
import { concept, SYSTEM } from "./codes";
import { healthEntryToFhir, type HealthEntryRow } from "./health-entry-to-fhir";
import type { Bundle, BundleResource, Composition, CompositionSection, Patient } from "./r4";
import { recordToFhir, type RecordRow } from "./record-to-fhir";

export type PatientBundleType = "collection" | "document";

export interface PatientRow {
  id: string;
  name: string | null;
  email: string;
}

export interface AssembleBundleOptions {
  patient: PatientRow;
  entries: HealthEntryRow[];
  records: RecordRow[];
  type: PatientBundleType;
  /** Absolute base of fullUrls, e.g. https://vault.example.org/api/fhir/R4. */
  baseUrl: string;
  attachmentUrl: (record: RecordRow) => string;
  now?: Date;
}

export function patientResource(patient: PatientRow): Patient {
  return {
    resourceType: "Patient",
    id: patient.id,
    identifier: [{ system: SYSTEM.patientId, value: patient.id }],
    active: true,
    ...(patient.name?.trim() ? { name: [{ text: patient.name.trim() }] } : {}),
    telecom: [{ system: "email", value: patient.email }],
  };
}

const SECTIONS: Array<{ title: string; loinc: string; types: string[] }> = [
  { title: "Problems", loinc: "11450-4", types: ["Condition"] },
  { title: "Medications", loinc: "10160-0", types: ["MedicationStatement"] },
  { title: "Allergies and intolerances", loinc: "48765-2", types: ["AllergyIntolerance"] },
  { title: "Results and vital signs", loinc: "30954-2", types: ["Observation"] },
  { title: "Immunizations", loinc: "11369-6", types: ["Immunization"] },
  { title: "Documents and imaging", loinc: "55107-7", types: ["DocumentReference", "ImagingStudy"] },
];

function composition(patient: PatientRow, resources: BundleResource[], now: Date, id: string): Composition {
  const section: CompositionSection[] = SECTIONS.flatMap(({ title, loinc, types }) => {
    const entry = resources.filter((r) => types.includes(r.resourceType)).map((r) => ({ reference: `${r.resourceType}/${r.id}` }));
    return entry.length > 0 ? [{ title, code: concept(SYSTEM.loinc, loinc), entry }] : [];
  });
  return {
    resourceType: "Composition",
    id,
    status: "final",
    type: concept(SYSTEM.loinc, "60591-5", "Patient summary Document"),
    subject: { reference: `Patient/${patient.id}` },
    date: now.toISOString(),
    author: [{ reference: `Patient/${patient.id}` }],
    title: "MedVault health record export",
    ...(section.length > 0 ? { section } : {}),
  };
}

export function assemblePatientBundle(options: AssembleBundleOptions): Bundle {
  const { patient, type } = options;
  const now = options.now ?? new Date();
  const resources: BundleResource[] = [patientResource(patient)];
  for (const entry of options.entries) {
    const resource = healthEntryToFhir(entry, { patientId: patient.id });
    if (resource) resources.push(resource);
  }
  for (const record of options.records) {
    const { documentReference, imagingStudy } = recordToFhir(record, { patientId: patient.id, attachmentUrl: options.attachmentUrl(record) });
    resources.push(documentReference);
    if (imagingStudy) resources.push(imagingStudy);
  }
  // A stable id for this export: same patient and instant, same id.
  const bundleId = createHash("sha256").update(`${patient.id}|${now.toISOString()}`).digest("hex").slice(0, 32);
  if (type === "document") resources.unshift(composition(patient, resources, now, `composition-${bundleId}`.slice(0, 64)));
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    resourceType: "Bundle",
    id: bundleId,
    ...(type === "document" ? { identifier: { system: SYSTEM.bundleId, value: bundleId } } : {}),
    type,
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
