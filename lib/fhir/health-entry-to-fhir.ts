// One HealthEntry as its FHIR R4 resource. Pure: the caller loads the rows.
// Every resource carries an identifier, so that a receiver (MedVault itself
// included) can tell on a second import that it already has it: an entry that
// was imported keeps the identifier it came with.
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import {
  HEALTH_DATA_SCHEMAS,
  labRangeFlag,
  VITAL_TYPES,
  type HealthDataByKind,
  type TAllergyData,
  type TConditionData,
  type TImmunizationData,
  type TLabResultData,
  type TMedicationData,
  type TVitalSignData,
} from "@/lib/validation/health";
import { BLOOD_PRESSURE_COMPONENTS, concept, INTERPRETATION_DISPLAY, SYSTEM, VITAL_LOINC } from "./codes";
import type { AllergyIntolerance, Annotation, Condition, HealthResource, Identifier, Immunization, MedicationStatement, Observation, Quantity, Reference } from "./r4";

export interface HealthEntryRow {
  id: string;
  kind: HealthEntryKind;
  data: unknown;
  sourceKey: string | null;
  updatedAt: Date;
}

/** "system|value" as stored in HealthEntry.sourceKey, and back. */
export function identifierOf(entry: Pick<HealthEntryRow, "id" | "sourceKey">): Identifier {
  const separator = entry.sourceKey?.indexOf("|") ?? -1;
  if (entry.sourceKey && separator > 0 && separator < entry.sourceKey.length - 1) {
    return { system: entry.sourceKey.slice(0, separator), value: entry.sourceKey.slice(separator + 1) };
  }
  return { system: SYSTEM.healthEntryId, value: entry.id };
}

const noteOf = (notes: string | undefined): { note?: Annotation[] } => (notes ? { note: [{ text: notes }] } : {});
const text = (value: string) => ({ text: value });

function condition(data: TConditionData, base: Base): Condition {
  // con-4: an abatement date only on a condition that is no longer active.
  const abated = data.resolvedDate && data.clinicalStatus !== "active";
  return {
    resourceType: "Condition",
    ...base.common,
    clinicalStatus: concept(SYSTEM.conditionClinical, data.clinicalStatus),
    verificationStatus: concept(SYSTEM.conditionVerification, "confirmed"),
    category: [concept(SYSTEM.conditionCategory, "problem-list-item", "Problem List Item")],
    code: text(data.name),
    subject: base.subject,
    ...(data.onsetDate ? { onsetDateTime: data.onsetDate } : {}),
    ...(abated ? { abatementDateTime: data.resolvedDate } : {}),
    ...noteOf(data.notes),
  };
}

function medication(data: TMedicationData, base: Base): MedicationStatement {
  const period = { ...(data.startDate ? { start: data.startDate } : {}), ...(data.stopDate ? { end: data.stopDate } : {}) };
  const dosage = { ...(data.dose ? { text: data.dose } : {}), ...(data.frequency ? { timing: { code: text(data.frequency) } } : {}) };
  return {
    resourceType: "MedicationStatement",
    ...base.common,
    status: data.status,
    medicationCodeableConcept: text(data.name),
    subject: base.subject,
    ...(Object.keys(period).length > 0 ? { effectivePeriod: period } : {}),
    ...(Object.keys(dosage).length > 0 ? { dosage: [dosage] } : {}),
    ...noteOf(data.notes),
  };
}

/** Written when no reaction was recorded: R4 requires a manifestation to carry the severity. */
export const REACTION_NOT_RECORDED = "Reaction not recorded";

function allergy(data: TAllergyData, base: Base): AllergyIntolerance {
  return {
    resourceType: "AllergyIntolerance",
    ...base.common,
    clinicalStatus: concept(SYSTEM.allergyClinical, "active"),
    verificationStatus: concept(SYSTEM.allergyVerification, "confirmed"),
    criticality: data.severity === "severe" ? "high" : "low",
    code: text(data.substance),
    patient: base.subject,
    ...(data.notedDate ? { recordedDate: data.notedDate } : {}),
    reaction: [{ manifestation: [text(data.reaction ?? REACTION_NOT_RECORDED)], severity: data.severity }],
    ...noteOf(data.notes),
  };
}

const FLAG_CODE = { low: "L", high: "H", normal: "N" } as const;

function labResult(data: TLabResultData, base: Base): Observation {
  const quantity = (value: number): Quantity => ({ value, ...(data.unit ? { unit: data.unit } : {}) });
  const flag = labRangeFlag(data);
  const hasRange = data.referenceLow !== undefined || data.referenceHigh !== undefined;
  const observation: Observation = {
    resourceType: "Observation",
    ...base.common,
    status: "final",
    category: [concept(SYSTEM.observationCategory, "laboratory", "Laboratory")],
    code: text(data.test),
    subject: base.subject,
    effectiveDateTime: data.takenAt,
    ...(typeof data.value === "number" ? { valueQuantity: quantity(data.value) } : { valueString: data.value }),
    ...(flag !== "unknown" ? { interpretation: [concept(SYSTEM.interpretation, FLAG_CODE[flag], INTERPRETATION_DISPLAY[FLAG_CODE[flag]])] } : {}),
    ...(hasRange
      ? {
          referenceRange: [
            {
              ...(data.referenceLow !== undefined ? { low: quantity(data.referenceLow) } : {}),
              ...(data.referenceHigh !== undefined ? { high: quantity(data.referenceHigh) } : {}),
            },
          ],
        }
      : {}),
    ...noteOf(data.notes),
  };
  return observation;
}

function vitalSign(data: TVitalSignData, base: Base): Observation {
  const loinc = VITAL_LOINC[data.type];
  const units = VITAL_TYPES[data.type].units as Record<string, { ucum: string }>;
  const ucum = units[data.unit]?.ucum;
  const quantity = (value: number): Quantity => ({ value, unit: data.unit, ...(ucum ? { system: SYSTEM.ucum, code: ucum } : {}) });
  const common = {
    resourceType: "Observation" as const,
    ...base.common,
    status: "final" as const,
    category: [concept(SYSTEM.observationCategory, "vital-signs", "Vital Signs")],
    code: { ...concept(SYSTEM.loinc, loinc.loinc, loinc.display), text: VITAL_TYPES[data.type].label },
    subject: base.subject,
    effectiveDateTime: data.takenAt,
    ...noteOf(data.notes),
  };
  if (data.type === "blood-pressure") {
    const { systolic, diastolic } = BLOOD_PRESSURE_COMPONENTS;
    return {
      ...common,
      component: [
        { code: concept(SYSTEM.loinc, systolic.loinc, systolic.display), valueQuantity: quantity(data.value) },
        ...(data.diastolic !== undefined ? [{ code: concept(SYSTEM.loinc, diastolic.loinc, diastolic.display), valueQuantity: quantity(data.diastolic) }] : []),
      ],
    };
  }
  return { ...common, valueQuantity: quantity(data.value) };
}

function immunization(data: TImmunizationData, base: Base): Immunization {
  return {
    resourceType: "Immunization",
    ...base.common,
    status: "completed",
    vaccineCode: text(data.vaccine),
    patient: base.subject,
    occurrenceDateTime: data.date,
    primarySource: true,
    ...(data.lot ? { lotNumber: data.lot } : {}),
    ...(data.site ? { site: text(data.site) } : {}),
    ...(data.doseNumber !== undefined ? { protocolApplied: [{ doseNumberPositiveInt: data.doseNumber }] } : {}),
    ...noteOf(data.notes),
  };
}

interface Base {
  common: { id: string; identifier: Identifier[]; meta: { lastUpdated: string } };
  subject: Reference;
}

const MAPPERS: { [K in HealthEntryKind]: (data: HealthDataByKind[K], base: Base) => HealthResource } = {
  CONDITION: condition,
  MEDICATION: medication,
  ALLERGY: allergy,
  LAB_RESULT: labResult,
  VITAL_SIGN: vitalSign,
  IMMUNIZATION: immunization,
};

/**
 * The entry as FHIR, or null when its stored data no longer parses (a schema
 * change without a data migration): such an entry is left out, not guessed at.
 */
export function healthEntryToFhir(entry: HealthEntryRow, options: { patientId: string }): HealthResource | null {
  const parsed = HEALTH_DATA_SCHEMAS[entry.kind].safeParse(entry.data);
  if (!parsed.success) return null;
  const base: Base = {
    common: { id: entry.id, identifier: [identifierOf(entry)], meta: { lastUpdated: entry.updatedAt.toISOString() } },
    subject: { reference: `Patient/${options.patientId}` },
  };
  const map = MAPPERS[entry.kind] as (data: unknown, base: Base) => HealthResource;
  return map(parsed.data, base);
}

/** The FHIR resource type an entry kind becomes. */
export const RESOURCE_TYPE_OF_KIND: Record<HealthEntryKind, HealthResource["resourceType"]> = {
  CONDITION: "Condition",
  MEDICATION: "MedicationStatement",
  ALLERGY: "AllergyIntolerance",
  LAB_RESULT: "Observation",
  VITAL_SIGN: "Observation",
  IMMUNIZATION: "Immunization",
};
