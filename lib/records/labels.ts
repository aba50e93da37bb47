// Words for the record enums, as patients read them. The one source for every
// label of a category or imaging modality (record pages, filters, search index).
import type { ImagingModality, RecordCategory } from "@/lib/generated/prisma/enums";

export const RECORD_CATEGORY_LABELS: Readonly<Record<RecordCategory, string>> = {
  IMAGING: "Imaging",
  LAB_RESULT: "Lab result",
  PRESCRIPTION: "Prescription",
  CLINICAL_NOTE: "Clinical note",
  DISCHARGE_SUMMARY: "Discharge summary",
  REFERRAL: "Referral",
  IMMUNIZATION: "Immunization",
  INSURANCE_BILLING: "Insurance or billing",
  OTHER: "Other",
};

export const IMAGING_MODALITY_LABELS: Readonly<Record<ImagingModality, string>> = {
  XRAY: "X-ray",
  CT: "CT",
  MRI: "MRI",
  ULTRASOUND: "Ultrasound",
  MAMMOGRAPHY: "Mammography",
  NUCLEAR: "Nuclear medicine",
  OTHER: "Other imaging",
};
