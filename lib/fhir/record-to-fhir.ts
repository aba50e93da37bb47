// A record (an uploaded file) as a DocumentReference with its category and
// date, plus an ImagingStudy for a DICOM study. The attachment URL is chosen by
// the caller: the file's path inside the export ZIP, or its page in the app.
import type { ImagingModality, RecordCategory } from "@/lib/generated/prisma/client";
import { concept, DICOM_MODALITY, DOCUMENT_TYPES, SYSTEM } from "./codes";
import type { DocumentReference, ImagingStudy } from "./r4";

export interface RecordRow {
  id: string;
  originalName: string;
  mimeType: string;
  sizeBytes: bigint;
  // null until the hash-record job has run; not emitted (R4 Attachment.hash is SHA-1).
  sha256: string | null;
  category: RecordCategory | null;
  dateOfService: Date | null;
  modality: ImagingModality | null;
  bodyPart: string | null;
  sourceProvider: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const INT32_MAX = 2_147_483_647;
const DICOM_MIME = "application/dicom";

export const isDicomRecord = (record: Pick<RecordRow, "mimeType">) => record.mimeType === DICOM_MIME;
export const imagingStudyId = (recordId: string) => `img-${recordId}`.slice(0, 64);

export function recordToFhir(
  record: RecordRow,
  options: { patientId: string; attachmentUrl: string },
): { documentReference: DocumentReference; imagingStudy?: ImagingStudy } {
  const subject = { reference: `Patient/${options.patientId}` };
  const day = record.dateOfService?.toISOString().slice(0, 10);
  const category = record.category ?? "OTHER";
  const type = DOCUMENT_TYPES[category];
  const imagingStudy: ImagingStudy | undefined = isDicomRecord(record)
    ? {
        resourceType: "ImagingStudy",
        id: imagingStudyId(record.id),
        identifier: [{ system: SYSTEM.recordId, value: record.id }],
        status: "available",
        ...(record.modality ? { modality: [{ system: SYSTEM.dicom, code: DICOM_MODALITY[record.modality].code, display: DICOM_MODALITY[record.modality].display }] } : {}),
        subject,
        ...(day ? { started: day } : {}),
        ...(record.bodyPart ? { description: record.bodyPart } : {}),
        numberOfSeries: 1,
        numberOfInstances: 1,
      }
    : undefined;

  const documentReference: DocumentReference = {
    resourceType: "DocumentReference",
    id: record.id,
    meta: { lastUpdated: record.updatedAt.toISOString() },
    identifier: [{ system: SYSTEM.recordId, value: record.id }],
    status: "current",
    type: { ...concept(SYSTEM.loinc, type.loinc, type.display) },
    category: [{ ...concept(SYSTEM.recordCategory, category), text: category.toLowerCase().replaceAll("_", " ") }],
    subject,
    date: record.createdAt.toISOString(),
    ...(record.sourceProvider ? { description: `From ${record.sourceProvider}` } : {}),
    content: [
      {
        attachment: {
          contentType: record.mimeType,
          url: options.attachmentUrl,
          // R4 Attachment.size is an unsignedInt: left out for files of 2 GiB and more.
          ...(record.sizeBytes <= BigInt(INT32_MAX) ? { size: Number(record.sizeBytes) } : {}),
          title: record.originalName,
          ...(day ? { creation: day } : {}),
        },
      },
    ],
    ...(day || imagingStudy
      ? { context: { ...(day ? { period: { start: day } } : {}), ...(imagingStudy ? { related: [{ reference: `ImagingStudy/${imagingStudy.id}` }] } : {}) } }
      : {}),
  };
  return { documentReference, imagingStudy };
}
