// The expected answers for every corpus file (tests/corpus/documents.ts), as a
// careful person reading the document would give them. The accuracy test
// compares categorizeDocument's results with these.
import type { ImagingModality, RecordCategory } from "@/lib/generated/prisma/client";

export interface CorpusLabel {
  category: RecordCategory;
  modality?: ImagingModality;
  /** "YYYY-MM-DD"; absent when the document has no date of service at all. */
  dateOfService?: string;
}

export const LABELS: Record<string, CorpusLabel> = {
  // text PDFs
  "lab-cbc-northside.pdf": { category: "LAB_RESULT", dateOfService: "2024-03-05" },
  "lab-lipid-panel.pdf": { category: "LAB_RESULT", dateOfService: "2023-11-14" },
  "lab-thyroid-a1c.pdf": { category: "LAB_RESULT", dateOfService: "2022-06-07" },
  "rx-lisinopril.pdf": { category: "PRESCRIPTION", dateOfService: "2024-01-12" },
  "rx-amoxicillin.pdf": { category: "PRESCRIPTION", dateOfService: "2023-08-22" },
  "rx-medication-order.pdf": { category: "PRESCRIPTION", dateOfService: "2021-10-03" },
  "note-soap-back-pain.pdf": { category: "CLINICAL_NOTE", dateOfService: "2024-02-14" },
  "note-office-visit-cough.pdf": { category: "CLINICAL_NOTE", dateOfService: "2023-10-09" },
  "note-cardiology-consult.pdf": { category: "CLINICAL_NOTE", dateOfService: "2022-05-19" },
  "discharge-pneumonia.pdf": { category: "DISCHARGE_SUMMARY", dateOfService: "2024-01-07" },
  "discharge-knee-replacement.pdf": { category: "DISCHARGE_SUMMARY", dateOfService: "2022-09-16" },
  "discharge-short-stay.pdf": { category: "DISCHARGE_SUMMARY", dateOfService: "2021-03-04" },
  "referral-orthopedics-letter.pdf": { category: "REFERRAL", dateOfService: "2024-04-18" },
  "referral-dermatology-form.pdf": { category: "REFERRAL", dateOfService: "2023-07-02" },
  "referral-cardiology.pdf": { category: "REFERRAL", dateOfService: "2022-01-15" },
  "immunization-record-child.pdf": { category: "IMMUNIZATION", dateOfService: "2019-05-12" },
  "vaccine-flu-2023.pdf": { category: "IMMUNIZATION", dateOfService: "2023-10-03" },
  "covid-vaccination-certificate.pdf": { category: "IMMUNIZATION", dateOfService: "2021-04-10" },
  "invoice-hospital.pdf": { category: "INSURANCE_BILLING", dateOfService: "2024-04-11" },
  "eob-insurer.pdf": { category: "INSURANCE_BILLING", dateOfService: "2023-02-20" },
  // Hard case: the service date sits in an unlabelled table row below a labelled statement date.
  "statement-clinic.pdf": { category: "INSURANCE_BILLING", dateOfService: "2022-11-02" },
  "radiology-chest-xray.pdf": { category: "IMAGING", modality: "XRAY", dateOfService: "2023-06-30" },
  "mri-knee-report.pdf": { category: "IMAGING", modality: "MRI", dateOfService: "2024-04-02" },
  "ultrasound-abdomen.pdf": { category: "IMAGING", modality: "ULTRASOUND", dateOfService: "2022-09-27" },
  "work-excuse-letter.pdf": { category: "OTHER", dateOfService: "2024-03-11" },
  "advance-directive.pdf": { category: "OTHER", dateOfService: "2020-08-08" },
  // scanned PDFs
  "scan-metabolic-panel.pdf": { category: "LAB_RESULT", dateOfService: "2023-03-21" },
  "scan-discharge-appendectomy.pdf": { category: "DISCHARGE_SUMMARY", dateOfService: "2022-06-12" },
  "scan-prescription-metformin.pdf": { category: "PRESCRIPTION", dateOfService: "2023-11-08" },
  "scan-referral-gastro.pdf": { category: "REFERRAL", dateOfService: "2023-05-05" },
  "scan-ct-head-report.pdf": { category: "IMAGING", modality: "CT", dateOfService: "2024-01-29" },
  "scan-ambulance-bill.pdf": { category: "INSURANCE_BILLING", dateOfService: "2021-07-04" },
  // photos of documents
  "IMG_20240205_093011.jpg": { category: "LAB_RESULT", dateOfService: "2024-02-02" },
  "PXL_20240819_181522.jpg": { category: "PRESCRIPTION", dateOfService: "2024-08-19" },
  "vaccination card photo.jpg": { category: "IMMUNIZATION", dateOfService: "2021-03-02" },
  "IMG_4410.jpg": { category: "CLINICAL_NOTE", dateOfService: "2023-06-03" },
  "insurance_card_front.jpg": { category: "INSURANCE_BILLING", dateOfService: "2024-02-11" },
  "IMG_20221014_150102.jpg": { category: "DISCHARGE_SUMMARY", dateOfService: "2022-10-14" },
  // DICOM
  "chest-pa.dcm": { category: "IMAGING", modality: "XRAY", dateOfService: "2023-06-30" },
  "hand-left.dcm": { category: "IMAGING", modality: "XRAY", dateOfService: "2022-11-03" },
  IM00001: { category: "IMAGING", modality: "CT", dateOfService: "2024-01-29" },
  "knee-mri-series2.dcm": { category: "IMAGING", modality: "MRI", dateOfService: "2024-04-02" },
  "abdomen-us.dcm": { category: "IMAGING", modality: "ULTRASOUND", dateOfService: "2022-09-27" },
  "screening-mammo.dcm": { category: "IMAGING", modality: "MAMMOGRAPHY", dateOfService: "2021-10-15" },
  "pet-ct-staging.dcm": { category: "IMAGING", modality: "NUCLEAR", dateOfService: "2020-05-12" },
  // hard cases
  "followup-labs-review.pdf": { category: "CLINICAL_NOTE", dateOfService: "2023-09-18" },
  "letter-to-neurology.pdf": { category: "REFERRAL", dateOfService: "2024-03-21" },
  "inpatient-stay-summary.pdf": { category: "DISCHARGE_SUMMARY", dateOfService: "2020-11-06" },
  "pharmacy-receipt.jpg": { category: "INSURANCE_BILLING", dateOfService: "2024-05-20" },
  "ct-sinus_2019-02-11.dcm": { category: "IMAGING", modality: "CT", dateOfService: "2019-02-11" },
  "photo-of-allergy-card.png": { category: "OTHER" },
  // file name only
  "2022-09-12_bloodwork.pdf": { category: "LAB_RESULT", dateOfService: "2022-09-12" },
  "xray_left_wrist_20190322.png": { category: "IMAGING", modality: "XRAY", dateOfService: "2019-03-22" },
  "covid vaccine card 14 Jan 2022.jpg": { category: "IMMUNIZATION", dateOfService: "2022-01-14" },
};
