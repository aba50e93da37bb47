// One FHIR resource from an imported Bundle as a MedVault health entry (kind +
// data, checked by the kind's zod schema), or the reason it is not imported.
// Reads what other systems commonly send: text or a coding's display for names,
// dateTime or Period for dates, our own LOINC/UCUM codes for vitals.
import { createHash } from "node:crypto";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import { HEALTH_DATA_SCHEMAS, VITAL_TYPES, type VitalType } from "@/lib/validation/health";
import { BLOOD_PRESSURE_COMPONENTS, SYSTEM, VITAL_LOINC, VITAL_LOINC_ALIASES } from "./codes";
import { REACTION_NOT_RECORDED } from "./health-entry-to-fhir";

type Json = Record<string, unknown>;

export type MappedResource =
  | { outcome: "entry"; kind: HealthEntryKind; data: unknown; sourceKey: string; label: string | null; day: string | null }
  | { outcome: "skipped"; reason: string; sourceKey: string | null; label: string | null };

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** What a person would call a CodeableConcept: its text, else a coding's display, else a code. */
function nameOf(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  if (typeof concept.text === "string" && concept.text.trim()) return concept.text.trim();
  const codings = list(concept.coding);
  const display = codings.find((c) => typeof c.display === "string" && c.display.trim())?.display as string | undefined;
  return display?.trim() ?? (codings.find((c) => typeof c.code === "string")?.code as string | undefined);
}

const codesOf = (concept: unknown, system: string) => list(isObject(concept) ? concept.coding : undefined).filter((c) => c.system === system).map((c) => String(c.code));

/** "2025-11-03" from a date or dateTime; undefined for a partial date ("2025") or none. */
function dayOf(value: unknown): string | undefined {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

function notesOf(resource: Json): string | undefined {
  const texts = list(resource.note).map((n) => n.text).filter((t): t is string => typeof t === "string" && t.trim() !== "");
  return texts.length > 0 ? texts.join("\n").slice(0, 2000) : undefined;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value);
}

export const HASH_KEY_SYSTEM = "urn:medvault:fhir-resource-sha256";

/**
 * The key that makes a re-import add nothing: the first identifier's
 * "system|value", or a hash of the resource's content (its id and meta left
 * out: servers reassign them) when it has no identifier.
 */
export function sourceKeyOf(resource: Json): string {
  const identifier = list(resource.identifier).find((i) => typeof i.system === "string" && typeof i.value === "string" && i.system && i.value);
  if (identifier) return `${String(identifier.system)}|${String(identifier.value)}`.slice(0, 500);
  const { id: _id, meta: _meta, text: _text, ...content } = resource;
  return `${HASH_KEY_SYSTEM}|${createHash("sha256").update(canonical(content)).digest("hex")}`;
}

const CONDITION_STATUS: Record<string, "active" | "resolved" | "inactive"> = {
  active: "active",
  recurrence: "active",
  relapse: "active",
  remission: "resolved",
  resolved: "resolved",
  inactive: "inactive",
};
const MEDICATION_STATUS: Record<string, "active" | "stopped" | "completed"> = {
  active: "active",
  intended: "active",
  "on-hold": "active",
  unknown: "active",
  completed: "completed",
  stopped: "stopped",
  "not-taken": "stopped",
};

function enteredInError(resource: Json): boolean {
  return resource.status === "entered-in-error" || codesOf(resource.verificationStatus, SYSTEM.conditionVerification).includes("entered-in-error") || codesOf(resource.verificationStatus, SYSTEM.allergyVerification).includes("entered-in-error");
}

function vitalTypeOf(resource: Json): VitalType | undefined {
  for (const code of codesOf(resource.code, SYSTEM.loinc)) {
    const own = (Object.keys(VITAL_LOINC) as VitalType[]).find((type) => VITAL_LOINC[type].loinc === code);
    if (own) return own;
    if (VITAL_LOINC_ALIASES[code]) return VITAL_LOINC_ALIASES[code];
  }
  return undefined;
}

/** Our unit name for a vital's Quantity, from its UCUM code or its unit text. */
function vitalUnit(type: VitalType, quantity: Json): string | undefined {
  const units = VITAL_TYPES[type].units as Record<string, { ucum: string }>;
  const byCode = Object.entries(units).find(([, u]) => quantity.system === SYSTEM.ucum && u.ucum === quantity.code)?.[0];
  if (byCode) return byCode;
  const text = typeof quantity.unit === "string" ? quantity.unit : typeof quantity.code === "string" ? quantity.code : undefined;
  const aliases: Record<string, string> = { "mm[Hg]": "mmHg", "/min": "bpm", "beats/minute": "bpm", Cel: "°C", "[degF]": "°F", "[lb_av]": "lb", "[in_i]": "in" };
  const unit = text ? (aliases[text] ?? text) : undefined;
  return unit && unit in units ? unit : undefined;
}

function componentValue(resource: Json, loinc: string): Json | undefined {
  const component = list(resource.component).find((c) => codesOf(c.code, SYSTEM.loinc).includes(loinc));
  return isObject(component?.valueQuantity) ? component.valueQuantity : undefined;
}

function observation(resource: Json): { kind: HealthEntryKind; data: Json } | string {
  const takenAt = dayOf(resource.effectiveDateTime) ?? dayOf(isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined) ?? dayOf(resource.issued);
  const vital = vitalTypeOf(resource);
  const categories = list(resource.category).flatMap((c) => codesOf(c, SYSTEM.observationCategory));
  if (vital) {
    const notes = notesOf(resource);
    if (vital === "blood-pressure") {
      const systolic = componentValue(resource, BLOOD_PRESSURE_COMPONENTS.systolic.loinc);
      const diastolic = componentValue(resource, BLOOD_PRESSURE_COMPONENTS.diastolic.loinc);
      if (!systolic || !diastolic) return "A blood pressure reading needs both values.";
      return { kind: "VITAL_SIGN", data: { type: vital, value: systolic.value, diastolic: diastolic.value, unit: vitalUnit(vital, systolic) ?? "mmHg", takenAt, notes } };
    }
    const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : undefined;
    if (!quantity) return "This vital sign has no value.";
    const unit = vitalUnit(vital, quantity);
    if (!unit) return "This vital sign uses a unit MedVault does not record.";
    return { kind: "VITAL_SIGN", data: { type: vital, value: quantity.value, unit, takenAt, notes } };
  }
  if (categories.includes("vital-signs")) return "This kind of vital sign is not one MedVault records.";
  const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : undefined;
  const value = quantity?.value ?? (typeof resource.valueString === "string" ? resource.valueString : nameOf(resource.valueCodeableConcept));
  if (value === undefined) return "This result has no value.";
  const range = list(resource.referenceRange)[0];
  const bound = (key: "low" | "high") => (range && isObject(range[key]) ? (range[key] as Json).value : undefined);
  const unit = typeof quantity?.unit === "string" ? quantity.unit : typeof quantity?.code === "string" ? quantity.code : undefined;
  return {
    kind: "LAB_RESULT",
    data: { test: nameOf(resource.code), value, unit, referenceLow: bound("low"), referenceHigh: bound("high"), takenAt, notes: notesOf(resource) },
  };
}

function toEntry(resource: Json): { kind: HealthEntryKind; data: Json } | string {
  switch (resource.resourceType) {
    case "Condition": {
      const clinical = codesOf(resource.clinicalStatus, SYSTEM.conditionClinical)[0];
      const abated = dayOf(resource.abatementDateTime) ?? dayOf(isObject(resource.abatementPeriod) ? resource.abatementPeriod.end : undefined);
      return {
        kind: "CONDITION",
        data: {
          name: nameOf(resource.code),
          clinicalStatus: (clinical && CONDITION_STATUS[clinical]) ?? (abated ? "resolved" : "active"),
          onsetDate: dayOf(resource.onsetDateTime) ?? dayOf(isObject(resource.onsetPeriod) ? resource.onsetPeriod.start : undefined),
          resolvedDate: abated,
          notes: notesOf(resource),
        },
      };
    }
    case "MedicationStatement": {
      const status = MEDICATION_STATUS[String(resource.status)];
      if (!status) return "This medication statement has a status MedVault does not record.";
      const name = nameOf(resource.medicationCodeableConcept) ?? (isObject(resource.medicationReference) ? (resource.medicationReference.display as string | undefined) : undefined);
      const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : {};
      const dosage = list(resource.dosage)[0];
      return {
        kind: "MEDICATION",
        data: {
          name,
          dose: typeof dosage?.text === "string" ? dosage.text.slice(0, 100) : undefined,
          frequency: isObject(dosage?.timing) ? nameOf((dosage.timing as Json).code)?.slice(0, 100) : undefined,
          startDate: dayOf(period.start) ?? dayOf(resource.effectiveDateTime),
          stopDate: dayOf(period.end),
          status,
          notes: notesOf(resource),
        },
      };
    }
    case "AllergyIntolerance": {
      const reaction = list(resource.reaction)[0];
      const manifestation = reaction ? nameOf(list(reaction.manifestation)[0]) : undefined;
      const severity = typeof reaction?.severity === "string" ? reaction.severity : resource.criticality === "high" ? "severe" : "moderate";
      return {
        kind: "ALLERGY",
        data: {
          substance: nameOf(resource.code) ?? (reaction ? nameOf(reaction.substance) : undefined),
          reaction: manifestation === REACTION_NOT_RECORDED ? undefined : manifestation?.slice(0, 200),
          severity,
          notedDate: dayOf(resource.recordedDate) ?? dayOf(resource.onsetDateTime),
          notes: notesOf(resource),
        },
      };
    }
    case "Observation":
      return observation(resource);
    case "Immunization": {
      if (resource.status !== "completed") return "Only vaccinations that were given are imported.";
      const protocol = list(resource.protocolApplied)[0];
      return {
        kind: "IMMUNIZATION",
        data: {
          vaccine: nameOf(resource.vaccineCode),
          date: dayOf(resource.occurrenceDateTime),
          doseNumber: protocol?.doseNumberPositiveInt,
          lot: typeof resource.lotNumber === "string" ? resource.lotNumber.slice(0, 60) : undefined,
          site: nameOf(resource.site)?.slice(0, 60),
          notes: notesOf(resource),
        },
      };
    }
    default:
      return "";
  }
}

export const IMPORTED_RESOURCE_TYPES = ["Condition", "MedicationStatement", "AllergyIntolerance", "Observation", "Immunization"] as const;

const LABEL_FIELDS = ["name", "substance", "test", "vaccine"] as const;

export function fhirToHealthEntry(resource: Json): MappedResource {
  const sourceKey = sourceKeyOf(resource);
  if (enteredInError(resource)) return { outcome: "skipped", reason: "Marked as entered in error by its source.", sourceKey, label: null };
  const mapped = toEntry(resource);
  if (typeof mapped === "string") return { outcome: "skipped", reason: mapped || "MedVault does not import this kind of information.", sourceKey, label: null };
  const data = Object.fromEntries(Object.entries(mapped.data).filter(([, v]) => v !== undefined));
  const labelField = LABEL_FIELDS.find((field) => typeof data[field] === "string");
  const label = mapped.kind === "VITAL_SIGN" && typeof data.type === "string" && data.type in VITAL_TYPES ? VITAL_TYPES[data.type as VitalType].label : labelField ? String(data[labelField]) : null;
  const parsed = HEALTH_DATA_SCHEMAS[mapped.kind].safeParse(data);
  if (!parsed.success) return { outcome: "skipped", reason: parsed.error.issues[0]?.message ?? "Some of its information is not valid.", sourceKey, label };
  const day = (["onsetDate", "startDate", "notedDate", "takenAt", "date"] as const).map((f) => (parsed.data as Json)[f]).find((v): v is string => typeof v === "string") ?? null;
  return { outcome: "entry", kind: mapped.kind, data: parsed.data, sourceKey, label, day };
}
