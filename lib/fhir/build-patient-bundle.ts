// A patient's whole record as a FHIR R4 Bundle: the Patient, their health
// entries (removed ones left out) and a DocumentReference per file (with an
// ImagingStudy for DICOM). Every Bundle is checked against the R4 structure
// before it leaves: an invalid one is our bug, and is refused rather than sent.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { assemblePatientBundle, type PatientBundleType } from "./assemble-bundle";
import type { Bundle } from "./r4";
import type { RecordRow } from "./record-to-fhir";
import { validateResource } from "./validate";

export const FHIR_BASE_PATH = "/api/fhir/R4";

export const RECORD_SELECT = {
  id: true,
  originalName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  category: true,
  dateOfService: true,
  modality: true,
  bodyPart: true,
  sourceProvider: true,
  createdAt: true,
  updatedAt: true,
  blobName: true,
} as const;

/** The app page of a record: where a DocumentReference served by the API points. */
export const recordPageUrl = (record: Pick<RecordRow, "id">) => `${env().APP_URL.replace(/\/+$/, "")}/patient/records/${encodeURIComponent(record.id)}`;

export async function buildPatientBundle(options: {
  patientId: string;
  type?: PatientBundleType;
  attachmentUrl?: (record: RecordRow) => string;
  /** Only these records (the files an export ZIP really contains). */
  onlyRecordIds?: ReadonlySet<string>;
  now?: Date;
}): Promise<Bundle> {
  const patient = await db.user.findFirst({ where: { id: options.patientId, role: "PATIENT" }, select: { id: true, name: true, email: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  const [entries, records] = await Promise.all([
    db.healthEntry.findMany({
      where: { patientId: patient.id, deletedAt: null },
      orderBy: [{ effectiveAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, kind: true, data: true, sourceKey: true, updatedAt: true },
    }),
    db.record.findMany({ where: { ownerId: patient.id }, orderBy: { createdAt: "asc" }, select: RECORD_SELECT }),
  ]);
  const bundle = assemblePatientBundle({
    patient,
    entries,
    records: options.onlyRecordIds ? records.filter((record) => options.onlyRecordIds?.has(record.id)) : records,
    type: options.type ?? "collection",
    baseUrl: `${env().APP_URL.replace(/\/+$/, "")}${FHIR_BASE_PATH}`,
    attachmentUrl: options.attachmentUrl ?? recordPageUrl,
    now: options.now,
  });
  const result = validateResource(bundle);
  if (!result.valid) {
    // Paths and messages only: they name elements, never their values' content... except code values, so count them.
    logger.error("fhir.export_invalid", { patientId: patient.id, issues: result.issues.length, firstPath: result.issues[0]?.path ?? null });
    throw new AppError("INTERNAL");
  }
  return bundle;
}
