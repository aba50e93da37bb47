// A patient with one entry of every kind and every vital type, a PDF and a
// DICOM record: the rows assemblePatientBundle takes, without a database.
import type { HealthEntryRow } from "@/lib/fhir/health-entry-to-fhir";
import type { RecordRow } from "@/lib/fhir/record-to-fhir";

export const patient = { id: "cpatient0000000000000001", name: "Ada Patient", email: "ada@example.test" };

const at = new Date("2026-01-02T03:04:05.000Z");
let counter = 0;
const entry = (kind: HealthEntryRow["kind"], data: unknown, sourceKey: string | null = null): HealthEntryRow => ({
  id: `centry${String(++counter).padStart(18, "0")}`,
  kind,
  data,
  sourceKey,
  updatedAt: at,
});

export function everyKindOfEntry(): HealthEntryRow[] {
  counter = 0;
  return [
    entry("CONDITION", { name: "Asthma", clinicalStatus: "active", onsetDate: "2010-04-01", notes: "Mild, seasonal" }),
    entry("CONDITION", { name: "Appendicitis", clinicalStatus: "resolved", onsetDate: "2015-06-01", resolvedDate: "2015-06-20" }),
    entry("MEDICATION", { name: "Salbutamol inhaler", dose: "100 mcg", frequency: "as needed", startDate: "2010-04-02", status: "active" }),
    entry("ALLERGY", { substance: "Penicillin", reaction: "Hives", severity: "severe", notedDate: "2005-01-01" }),
    entry("ALLERGY", { substance: "Peanuts", severity: "mild" }),
    entry("LAB_RESULT", { test: "Hemoglobin", value: 11.2, unit: "g/dL", referenceLow: 12, referenceHigh: 16, takenAt: "2025-11-03" }),
    entry("LAB_RESULT", { test: "Strep A antigen", value: "negative", takenAt: "2025-11-04" }, "http://lab.example/ids|L-42"),
    entry("VITAL_SIGN", { type: "blood-pressure", value: 128, diastolic: 82, unit: "mmHg", takenAt: "2025-11-05" }),
    entry("VITAL_SIGN", { type: "heart-rate", value: 72, unit: "bpm", takenAt: "2025-11-05" }),
    entry("VITAL_SIGN", { type: "weight", value: 70.5, unit: "kg", takenAt: "2025-11-05" }),
    entry("VITAL_SIGN", { type: "height", value: 172, unit: "cm", takenAt: "2025-11-05" }),
    entry("VITAL_SIGN", { type: "temperature", value: 36.8, unit: "°C", takenAt: "2025-11-05" }),
    entry("VITAL_SIGN", { type: "spo2", value: 98, unit: "%", takenAt: "2025-11-05" }),
    entry("IMMUNIZATION", { vaccine: "Tetanus, diphtheria", date: "2020-09-10", doseNumber: 2, lot: "AB123", site: "left arm" }),
  ];
}

export function records(): RecordRow[] {
  return [
    {
      id: "crecordpdf00000000000001",
      originalName: "blood test.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1234n,
      sha256: "a".repeat(64),
      category: "LAB_RESULT",
      dateOfService: new Date("2025-11-03T00:00:00.000Z"),
      modality: null,
      bodyPart: null,
      sourceProvider: "City Lab",
      createdAt: at,
      updatedAt: at,
    },
    {
      id: "crecorddcm00000000000001",
      originalName: "chest.dcm",
      mimeType: "application/dicom",
      sizeBytes: 4096n,
      sha256: "b".repeat(64),
      category: "IMAGING",
      dateOfService: new Date("2025-10-01T00:00:00.000Z"),
      modality: "CT",
      bodyPart: "chest",
      sourceProvider: null,
      createdAt: at,
      updatedAt: at,
    },
    {
      id: "crecordother000000000001",
      originalName: "note.txt",
      mimeType: "text/plain",
      sizeBytes: 10n,
      sha256: "c".repeat(64),
      category: null,
      dateOfService: null,
      modality: null,
      bodyPart: null,
      sourceProvider: null,
      createdAt: at,
      updatedAt: at,
    },
  ];
}
