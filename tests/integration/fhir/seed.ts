// A patient with one health entry of every kind (added through lib/health, as
// the forms do), a PDF and a DICOM study uploaded through the real SAS flow.
import { addHealthEntry } from "@/lib/health/add-health-entry";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { buildDicomFile } from "@/tests/factories/dicom";
import { pdfBytes } from "@/tests/factories/files";
import { createActor, readyRecord } from "@/tests/integration/records/helpers";

export const context = { ipAddress: "198.51.100.80", userAgent: "jest fhir" };

export const ENTRIES: Array<{ kind: HealthEntryKind; data: Record<string, unknown> }> = [
  { kind: "CONDITION", data: { name: "Asthma", clinicalStatus: "active", onsetDate: "2010-04-01", notes: "Seasonal" } },
  { kind: "CONDITION", data: { name: "Appendicitis", clinicalStatus: "resolved", onsetDate: "2015-06-01", resolvedDate: "2015-06-20" } },
  { kind: "MEDICATION", data: { name: "Salbutamol", dose: "100 mcg", frequency: "as needed", startDate: "2010-04-02", status: "active" } },
  { kind: "ALLERGY", data: { substance: "Penicillin", reaction: "Hives", severity: "severe", notedDate: "2005-01-01" } },
  { kind: "ALLERGY", data: { substance: "Peanuts", severity: "mild" } },
  { kind: "LAB_RESULT", data: { test: "Hemoglobin", value: 11.2, unit: "g/dL", referenceLow: 12, referenceHigh: 16, takenAt: "2025-11-03" } },
  { kind: "LAB_RESULT", data: { test: "Strep A", value: "negative", takenAt: "2025-11-04" } },
  { kind: "VITAL_SIGN", data: { type: "blood-pressure", value: 128, diastolic: 82, unit: "mmHg", takenAt: "2025-11-05" } },
  { kind: "VITAL_SIGN", data: { type: "heart-rate", value: 72, unit: "bpm", takenAt: "2025-11-05" } },
  { kind: "VITAL_SIGN", data: { type: "weight", value: 154, unit: "lb", takenAt: "2025-11-05" } },
  { kind: "VITAL_SIGN", data: { type: "height", value: 172, unit: "cm", takenAt: "2025-11-05" } },
  { kind: "VITAL_SIGN", data: { type: "temperature", value: 36.8, unit: "°C", takenAt: "2025-11-05" } },
  { kind: "VITAL_SIGN", data: { type: "spo2", value: 98, unit: "%", takenAt: "2025-11-05" } },
  { kind: "IMMUNIZATION", data: { vaccine: "Tetanus", date: "2020-09-10", doseNumber: 2, lot: "AB123", site: "left arm" } },
];

export async function seedHealthEntries(patient: { id: string; role: "PATIENT" }) {
  for (const entry of ENTRIES) await addHealthEntry({ actor: patient, input: { patientId: patient.id, kind: entry.kind, data: entry.data }, context });
}

export async function seedPatient(options: { files?: boolean } = {}) {
  const patient = (await createActor("PATIENT")) as { id: string; role: "PATIENT" };
  await seedHealthEntries(patient);
  const files: Array<{ id: string; bytes: Buffer }> = [];
  if (options.files !== false) {
    const pdf = pdfBytes("export test");
    const { record: pdfRecord } = await readyRecord({ actor: patient, bytes: pdf, declaredType: "application/pdf", fileName: "Blood test: März 2025.pdf" });
    const dicom = buildDicomFile({ modality: "CT", studyDate: "20251001" });
    const { record: dicomRecord } = await readyRecord({ actor: patient, bytes: dicom, declaredType: "application/dicom", fileName: "chest.dcm" });
    // What categorization would find (it runs as a job, not in these tests).
    await db.record.update({ where: { id: pdfRecord.id }, data: { category: "LAB_RESULT", dateOfService: new Date("2025-11-03") } });
    await db.record.update({ where: { id: dicomRecord.id }, data: { category: "IMAGING", modality: "CT", bodyPart: "chest", dateOfService: new Date("2025-10-01") } });
    files.push({ id: pdfRecord.id, bytes: pdf }, { id: dicomRecord.id, bytes: dicom });
  }
  return { patient, files };
}

/** A patient's live entries as comparable [kind, data] pairs, in a stable order. */
export async function entriesOf(patientId: string) {
  const rows = await db.healthEntry.findMany({ where: { patientId, deletedAt: null }, select: { kind: true, data: true } });
  return rows.map((r) => JSON.stringify([r.kind, r.data])).sort();
}
