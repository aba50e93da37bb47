// The form fields of each kind, in the order a person fills them in. Names are
// the keys of the kind's zod schema (lib/validation/health.ts), which decides
// what is valid; this file only says how each field is asked for.
import type { HealthEntryKind } from "@/lib/generated/prisma/enums";
import { ALLERGY_SEVERITIES, CONDITION_STATUSES, MEDICATION_STATUSES, VITAL_TYPE_KEYS, VITAL_TYPES } from "@/lib/validation/health";

export interface HealthField {
  name: string;
  label: string;
  type: "text" | "date" | "number" | "select" | "textarea";
  required?: boolean;
  hint?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Numeric keyboard on phones for number-like text. */
  inputMode?: "decimal" | "numeric";
  autoComplete?: string;
}

export const CONDITION_STATUS_LABELS: Record<(typeof CONDITION_STATUSES)[number], string> = { active: "Active", resolved: "Resolved", inactive: "Inactive" };
export const MEDICATION_STATUS_LABELS: Record<(typeof MEDICATION_STATUSES)[number], string> = { active: "Taking it", stopped: "Stopped", completed: "Completed the course" };
export const SEVERITY_LABELS: Record<(typeof ALLERGY_SEVERITIES)[number], string> = { mild: "Mild", moderate: "Moderate", severe: "Severe" };

const options = <T extends string>(labels: Record<T, string>) => Object.entries(labels).map(([value, label]) => ({ value, label: label as string }));
const notes: HealthField = { name: "notes", label: "Notes", type: "textarea" };

export const HEALTH_FIELDS: Readonly<Record<HealthEntryKind, readonly HealthField[]>> = {
  CONDITION: [
    { name: "name", label: "Condition", type: "text", required: true, hint: "For example: asthma, type 2 diabetes, appendectomy.", autoComplete: "off" },
    { name: "clinicalStatus", label: "Status", type: "select", required: true, options: options(CONDITION_STATUS_LABELS) },
    { name: "onsetDate", label: "Started on", type: "date", hint: "Leave empty if you do not know." },
    { name: "resolvedDate", label: "Resolved on", type: "date" },
    notes,
  ],
  MEDICATION: [
    { name: "name", label: "Medication", type: "text", required: true, autoComplete: "off" },
    { name: "dose", label: "Dose", type: "text", hint: "For example: 500 mg.", autoComplete: "off" },
    { name: "frequency", label: "How often", type: "text", hint: "For example: twice a day.", autoComplete: "off" },
    { name: "status", label: "Status", type: "select", required: true, options: options(MEDICATION_STATUS_LABELS) },
    { name: "startDate", label: "Started on", type: "date" },
    { name: "stopDate", label: "Stopped on", type: "date" },
    notes,
  ],
  ALLERGY: [
    { name: "substance", label: "Allergic to", type: "text", required: true, hint: "A medicine, food or other substance, like penicillin or peanuts.", autoComplete: "off" },
    { name: "reaction", label: "Reaction", type: "text", hint: "For example: hives, swelling.", autoComplete: "off" },
    { name: "severity", label: "Severity", type: "select", required: true, options: options(SEVERITY_LABELS) },
    { name: "notedDate", label: "Noted on", type: "date" },
    notes,
  ],
  LAB_RESULT: [
    { name: "test", label: "Test", type: "text", required: true, hint: "For example: HbA1c, cholesterol.", autoComplete: "off" },
    { name: "value", label: "Result", type: "text", required: true, hint: "A number like 5.4, or a word like negative.", inputMode: "decimal", autoComplete: "off" },
    { name: "unit", label: "Unit", type: "text", hint: "For example: mmol/L or %.", autoComplete: "off" },
    { name: "referenceLow", label: "Lowest normal value", type: "number", hint: "From the report's reference range.", inputMode: "decimal" },
    { name: "referenceHigh", label: "Highest normal value", type: "number", inputMode: "decimal" },
    { name: "takenAt", label: "Date of the test", type: "date", required: true },
    notes,
  ],
  VITAL_SIGN: [
    { name: "type", label: "Measurement", type: "select", required: true, options: VITAL_TYPE_KEYS.map((value) => ({ value, label: VITAL_TYPES[value].label })) },
    { name: "value", label: "Value", type: "number", required: true, inputMode: "decimal" },
    { name: "diastolic", label: "Diastolic (lower) value", type: "number", required: true, inputMode: "decimal" },
    { name: "unit", label: "Unit", type: "select", required: true },
    { name: "takenAt", label: "Date of the reading", type: "date", required: true },
    notes,
  ],
  IMMUNIZATION: [
    { name: "vaccine", label: "Vaccine", type: "text", required: true, hint: "For example: measles, mumps and rubella (MMR).", autoComplete: "off" },
    { name: "date", label: "Given on", type: "date", required: true },
    { name: "doseNumber", label: "Dose number", type: "number", hint: "1 for the first dose, 2 for the second…", inputMode: "numeric" },
    { name: "lot", label: "Lot number", type: "text", hint: "On the vaccination card.", autoComplete: "off" },
    { name: "site", label: "Site", type: "text", hint: "For example: left arm.", autoComplete: "off" },
    notes,
  ],
};

export type HealthFormValues = Record<string, string>;

/** The starting values of a form: stored data as strings ("" for missing), defaults for new entries. */
export function healthFormValues(kind: HealthEntryKind, data?: Record<string, unknown> | null): HealthFormValues {
  const values: HealthFormValues = {};
  for (const field of HEALTH_FIELDS[kind]) {
    const value = data?.[field.name];
    values[field.name] = value === undefined || value === null ? "" : String(value);
  }
  if (!data) {
    if (kind === "CONDITION") values.clinicalStatus = "active";
    if (kind === "MEDICATION") values.status = "active";
    if (kind === "VITAL_SIGN") {
      values.type = "blood-pressure";
      values.unit = "mmHg";
    }
  }
  return values;
}
