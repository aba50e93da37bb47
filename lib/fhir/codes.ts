// Code systems and the codes MedVault uses in FHIR: HL7 terminology for
// statuses and categories, LOINC for vital signs and document types, UCUM for
// units, DICOM for imaging modalities. The validator checks against the same
// tables, so what we emit and what we accept cannot drift apart.
import type { ImagingModality, RecordCategory } from "@/lib/generated/prisma/client";
import type { VitalType } from "@/lib/validation/health";

export const SYSTEM = {
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  dicom: "http://dicom.nema.org/resources/ontology/DCM",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  allergyClinical: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
  allergyVerification: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
  documentCategory: "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
  // MedVault's own identifiers and record categories (URNs: no host to resolve).
  recordCategory: "urn:medvault:fhir:record-category",
  patientId: "urn:medvault:patient",
  recordId: "urn:medvault:record",
  healthEntryId: "urn:medvault:health-entry",
  bundleId: "urn:medvault:bundle",
} as const;

export const VALUE_SETS = {
  bundleType: ["document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection"],
  gender: ["male", "female", "other", "unknown"],
  conditionClinical: ["active", "recurrence", "relapse", "inactive", "remission", "resolved"],
  conditionVerification: ["unconfirmed", "provisional", "differential", "confirmed", "refuted", "entered-in-error"],
  conditionCategory: ["problem-list-item", "encounter-diagnosis"],
  medicationStatementStatus: ["active", "completed", "entered-in-error", "intended", "stopped", "on-hold", "unknown", "not-taken"],
  allergyClinical: ["active", "inactive", "resolved"],
  allergyVerification: ["unconfirmed", "confirmed", "refuted", "entered-in-error"],
  allergyType: ["allergy", "intolerance"],
  allergyCategory: ["food", "medication", "environment", "biologic"],
  allergyCriticality: ["low", "high", "unable-to-assess"],
  reactionSeverity: ["mild", "moderate", "severe"],
  observationStatus: ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"],
  observationCategory: ["social-history", "vital-signs", "imaging", "laboratory", "procedure", "survey", "exam", "therapy", "activity"],
  interpretation: ["N", "L", "H", "LL", "HH", "LU", "HU", "A", "AA"],
  quantityComparator: ["<", "<=", ">=", ">"],
  immunizationStatus: ["completed", "entered-in-error", "not-done"],
  documentReferenceStatus: ["current", "superseded", "entered-in-error"],
  imagingStudyStatus: ["registered", "available", "cancelled", "entered-in-error", "unknown"],
  compositionStatus: ["preliminary", "final", "amended", "entered-in-error"],
  identifierUse: ["usual", "official", "temp", "secondary", "old"],
  contactPointSystem: ["phone", "fax", "email", "pager", "url", "sms", "other"],
  issueSeverity: ["fatal", "error", "warning", "information"],
  // DICOM CID 29 acquisition modalities (the subset MedVault maps to).
  dicomModality: ["CR", "DX", "RF", "XA", "IO", "PX", "CT", "MR", "US", "MG", "NM", "PT", "OT"],
} as const;

/** LOINC codes of the FHIR vital signs profile (R4 observation-vitalsigns), per MedVault vital type; units come from lib/validation/health. */
export const VITAL_LOINC: Record<VitalType, { loinc: string; display: string }> = {
  "blood-pressure": { loinc: "85354-9", display: "Blood pressure panel with all children optional" },
  "heart-rate": { loinc: "8867-4", display: "Heart rate" },
  weight: { loinc: "29463-7", display: "Body weight" },
  height: { loinc: "8302-2", display: "Body height" },
  temperature: { loinc: "8310-5", display: "Body temperature" },
  spo2: { loinc: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry" },
};

/** Other LOINC codes importers commonly send for the same vital types. */
export const VITAL_LOINC_ALIASES: Record<string, VitalType> = {
  "2708-6": "spo2",
  "3141-9": "weight",
  "8331-1": "temperature",
  "8310-5": "temperature",
  "55284-4": "blood-pressure",
  "85354-9": "blood-pressure",
};

export const BLOOD_PRESSURE_COMPONENTS = {
  systolic: { loinc: "8480-6", display: "Systolic blood pressure" },
  diastolic: { loinc: "8462-4", display: "Diastolic blood pressure" },
} as const;

/** LOINC document types for a record's category (DocumentReference.type). */
export const DOCUMENT_TYPES: Record<RecordCategory, { loinc: string; display: string }> = {
  IMAGING: { loinc: "18748-4", display: "Diagnostic imaging study" },
  LAB_RESULT: { loinc: "11502-2", display: "Laboratory report" },
  PRESCRIPTION: { loinc: "57833-6", display: "Prescription for medication" },
  CLINICAL_NOTE: { loinc: "11506-3", display: "Progress note" },
  DISCHARGE_SUMMARY: { loinc: "18842-5", display: "Discharge summary" },
  REFERRAL: { loinc: "57133-1", display: "Referral note" },
  IMMUNIZATION: { loinc: "11369-6", display: "History of Immunization Narrative" },
  INSURANCE_BILLING: { loinc: "48768-6", display: "Payment sources Document" },
  OTHER: { loinc: "34133-9", display: "Summary of episode note" },
};

export const RECORD_CATEGORIES = Object.keys(DOCUMENT_TYPES) as RecordCategory[];

/** DICOM modality code written for MedVault's modality groups (the group's most common code). */
export const DICOM_MODALITY: Record<ImagingModality, { code: string; display: string }> = {
  XRAY: { code: "DX", display: "Digital Radiography" },
  CT: { code: "CT", display: "Computed Tomography" },
  MRI: { code: "MR", display: "Magnetic Resonance" },
  ULTRASOUND: { code: "US", display: "Ultrasound" },
  MAMMOGRAPHY: { code: "MG", display: "Mammography" },
  NUCLEAR: { code: "NM", display: "Nuclear Medicine" },
  OTHER: { code: "OT", display: "Other" },
};

export const INTERPRETATION_DISPLAY: Record<string, string> = {
  N: "Normal",
  L: "Low",
  H: "High",
  LL: "Critical low",
  HH: "Critical high",
  A: "Abnormal",
};

export const coding = (system: string, code: string, display?: string) => ({ system, code, ...(display ? { display } : {}) });
export const concept = (system: string, code: string, display?: string) => ({ coding: [coding(system, code, display)] });
