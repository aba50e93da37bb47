// Structured health data: one zod schema per HealthEntryKind for the `data`
// JSON of a HealthEntry, shared by the forms (react-hook-form), the server
// actions, lib/health and the FHIR export/import. The schemas accept what form
// inputs give (strings, "" for an empty optional field) as well as what they
// output, so stored data parses again unchanged:
//   - text: trimmed; an empty optional text is left out (never stored as "");
//   - dates: "YYYY-MM-DD" (a calendar day, no time zone), not in the future;
//   - numbers: numbers (a form's "72" or "36,6" becomes 72 / 36.6).
// Medical content: never logged, never copied into audit details.
import { z } from "zod";
import { ZEntityIdSchema } from "@/lib/validation/ids";
import { HealthEntryKind } from "@/lib/generated/prisma/enums";

export const HEALTH_ENTRY_KINDS = Object.values(HealthEntryKind) as HealthEntryKind[];

export const ZHealthEntryKindSchema = z.enum(HEALTH_ENTRY_KINDS as [HealthEntryKind, ...HealthEntryKind[]], {
  error: "Choose the kind of health information.",
});

/** Labels and URL slugs (/patient/health/<slug>) per kind. */
export const HEALTH_KIND_INFO: Readonly<Record<HealthEntryKind, { label: string; singular: string; slug: string }>> = {
  CONDITION: { label: "Conditions and medical history", singular: "condition", slug: "conditions" },
  MEDICATION: { label: "Medications", singular: "medication", slug: "medications" },
  ALLERGY: { label: "Allergies", singular: "allergy", slug: "allergies" },
  LAB_RESULT: { label: "Lab results", singular: "lab result", slug: "labs" },
  VITAL_SIGN: { label: "Vital signs", singular: "vital sign", slug: "vitals" },
  IMMUNIZATION: { label: "Immunizations", singular: "immunization", slug: "immunizations" },
};

export function kindFromSlug(slug: string): HealthEntryKind | null {
  return HEALTH_ENTRY_KINDS.find((kind) => HEALTH_KIND_INFO[kind].slug === slug) ?? null;
}

// ---- field helpers ----

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day ("2024-02-30" is not). */
export function isRealDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "YYYY-MM-DD" -> midnight UTC of that day. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today as "YYYY-MM-DD", a day ahead of UTC so that a patient east of UTC can enter their today. */
function latestAllowedDay(now = new Date()): string {
  return new Date(now.getTime() + 24 * 60 * 60_000).toISOString().slice(0, 10);
}

function requiredText(label: string, max = 200) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Keep the ${label} under ${max} characters.`);
}

function optionalText(label: string, max = 200) {
  return z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined));
}

const notes = optionalText("notes", 2000);

/** Why `value` is not an acceptable day, or null. */
function dayProblem(label: string, value: string): string | null {
  if (!ISO_DAY.test(value) || !isRealDay(value)) return `Enter the ${label} as a real date (year-month-day).`;
  if (value < "1900-01-01") return `The ${label} cannot be before 1900.`;
  if (value > latestAllowedDay()) return `The ${label} cannot be in the future.`;
  return null;
}

function day(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .superRefine((value, ctx) => {
      const problem = dayProblem(label, value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

function optionalDay(label: string) {
  return z
    .string({ error: `Enter the ${label} as a date.` })
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const problem = dayProblem(label, value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return value;
    });
}

const NUMBER_TEXT = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** A number from a number or from the text of an input ("36,6" too); `undefined` for an empty optional one. */
function toNumber(label: string, raw: number | string | null | undefined, ctx: z.RefinementCtx, options: { required: boolean; range?: { min: number; max: number } }) {
  const text = typeof raw === "string" ? raw.trim() : null;
  if (raw === null || raw === undefined || text === "") {
    if (options.required) ctx.addIssue({ code: "custom", message: `Enter the ${label}.` });
    return undefined;
  }
  const value = text === null ? raw : NUMBER_TEXT.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    ctx.addIssue({ code: "custom", message: `Enter the ${label} as a number, like 72 or 36.6.` });
    return undefined;
  }
  const range = options.range;
  if (range && (value < range.min || value > range.max)) {
    ctx.addIssue({ code: "custom", message: `The ${label} should be between ${range.min} and ${range.max}. Check the number and the unit.` });
    return undefined;
  }
  return value;
}

const numberOrText = (label: string) => z.union([z.number(), z.string()], { error: `Enter the ${label} as a number.` });

function numberValue(label: string, range?: { min: number; max: number }) {
  return numberOrText(label).transform((raw, ctx) => toNumber(label, raw, ctx, { required: true, range }) ?? z.NEVER);
}

function optionalNumber(label: string, range?: { min: number; max: number }) {
  return numberOrText(label)
    .nullish()
    .transform((raw, ctx) => toNumber(label, raw, ctx, { required: false, range }));
}

// ---- the six kinds ----

export const CONDITION_STATUSES = ["active", "resolved", "inactive"] as const;
export const ZConditionDataSchema = z
  .object({
    name: requiredText("condition"),
    clinicalStatus: z.enum(CONDITION_STATUSES, { error: "Choose whether the condition is active, resolved or inactive." }),
    onsetDate: optionalDay("date it started"),
    resolvedDate: optionalDay("date it resolved"),
    notes,
  })
  .refine((data) => !data.onsetDate || !data.resolvedDate || data.resolvedDate >= data.onsetDate, {
    error: "The date it resolved cannot be before the date it started.",
    path: ["resolvedDate"],
  });

export const MEDICATION_STATUSES = ["active", "stopped", "completed"] as const;
export const ZMedicationDataSchema = z
  .object({
    name: requiredText("medication name"),
    dose: optionalText("dose", 100),
    frequency: optionalText("frequency", 100),
    startDate: optionalDay("start date"),
    stopDate: optionalDay("stop date"),
    status: z.enum(MEDICATION_STATUSES, { error: "Choose whether you still take it, stopped it or completed it." }),
    notes,
  })
  .refine((data) => !data.startDate || !data.stopDate || data.stopDate >= data.startDate, {
    error: "The stop date cannot be before the start date.",
    path: ["stopDate"],
  });

export const ALLERGY_SEVERITIES = ["mild", "moderate", "severe"] as const;
export const ZAllergyDataSchema = z.object({
  substance: requiredText("substance (what you are allergic to)"),
  reaction: optionalText("reaction", 200),
  severity: z.enum(ALLERGY_SEVERITIES, { error: "Choose how severe the reaction is: mild, moderate or severe." }),
  notedDate: optionalDay("date it was noted"),
  notes,
});

/** A lab value: a number ("5.4") or a text result ("negative", "<0.5"). */
const labValue = z.union([z.number(), z.string()], { error: "Enter the result." }).transform((raw, ctx) => {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) ctx.addIssue({ code: "custom", message: "Enter the result as a number or a short text." });
    return raw;
  }
  const text = raw.trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "Enter the result, like 5.4 or negative." });
    return z.NEVER;
  }
  if (text.length > 100) {
    ctx.addIssue({ code: "custom", message: "Keep the result under 100 characters." });
    return z.NEVER;
  }
  return NUMBER_TEXT.test(text) ? Number(text.replace(",", ".")) : text;
});

export const ZLabResultDataSchema = z
  .object({
    test: requiredText("test name"),
    value: labValue,
    unit: optionalText("unit", 40),
    referenceLow: optionalNumber("lowest normal value"),
    referenceHigh: optionalNumber("highest normal value"),
    takenAt: day("date of the test"),
    notes,
  })
  .refine((data) => data.referenceLow === undefined || data.referenceHigh === undefined || data.referenceLow <= data.referenceHigh, {
    error: "The lowest normal value cannot be above the highest.",
    path: ["referenceHigh"],
  });

/** Vital sign types with their units (as shown; `ucum` for FHIR) and plausible ranges per unit. */
export const VITAL_TYPES = {
  "blood-pressure": { label: "Blood pressure", units: { mmHg: { ucum: "mm[Hg]", min: 30, max: 300 } } },
  "heart-rate": { label: "Heart rate", units: { bpm: { ucum: "/min", min: 20, max: 300 } } },
  weight: { label: "Weight", units: { kg: { ucum: "kg", min: 0.5, max: 500 }, lb: { ucum: "[lb_av]", min: 1, max: 1100 } } },
  height: { label: "Height", units: { cm: { ucum: "cm", min: 20, max: 280 }, in: { ucum: "[in_i]", min: 8, max: 110 } } },
  temperature: { label: "Temperature", units: { "°C": { ucum: "Cel", min: 25, max: 45 }, "°F": { ucum: "[degF]", min: 77, max: 113 } } },
  spo2: { label: "Oxygen saturation (SpO2)", units: { "%": { ucum: "%", min: 50, max: 100 } } },
} as const satisfies Record<string, { label: string; units: Record<string, { ucum: string; min: number; max: number }> }>;
export type VitalType = keyof typeof VITAL_TYPES;
export const VITAL_TYPE_KEYS = Object.keys(VITAL_TYPES) as VitalType[];

export function vitalUnits(type: VitalType): string[] {
  return Object.keys(VITAL_TYPES[type].units);
}

/**
 * One reading. Blood pressure: `value` is the systolic and `diastolic` the
 * diastolic pressure; every other type has `value` only.
 */
export const ZVitalSignDataSchema = z
  .object({
    type: z.enum(VITAL_TYPE_KEYS as [VitalType, ...VitalType[]], { error: "Choose what was measured." }),
    value: numberValue("value"),
    diastolic: optionalNumber("diastolic (lower) value"),
    unit: z.string({ error: "Choose the unit." }).trim().min(1, "Choose the unit."),
    takenAt: day("date of the reading"),
    notes,
  })
  .superRefine((data, ctx) => {
    const units = VITAL_TYPES[data.type].units as Record<string, { min: number; max: number }>;
    const range = units[data.unit];
    if (!range) {
      ctx.addIssue({ code: "custom", path: ["unit"], message: `Choose the unit: ${Object.keys(units).join(" or ")}.` });
      return;
    }
    const what = data.type === "blood-pressure" ? "systolic (upper) value" : "value";
    if (data.value < range.min || data.value > range.max) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `The ${what} should be between ${range.min} and ${range.max} ${data.unit}. Check the number and the unit.` });
    }
    if (data.type === "blood-pressure") {
      if (data.diastolic === undefined) ctx.addIssue({ code: "custom", path: ["diastolic"], message: "Enter the diastolic (lower) value." });
      else if (data.diastolic < 10 || data.diastolic > 250) ctx.addIssue({ code: "custom", path: ["diastolic"], message: "The diastolic (lower) value should be between 10 and 250 mmHg." });
      else if (data.diastolic >= data.value) ctx.addIssue({ code: "custom", path: ["diastolic"], message: "The diastolic (lower) value should be below the systolic (upper) value." });
    } else if (data.diastolic !== undefined) {
      ctx.addIssue({ code: "custom", path: ["diastolic"], message: "Only blood pressure has a second value." });
    }
  });

export const ZImmunizationDataSchema = z.object({
  vaccine: requiredText("vaccine"),
  date: day("date it was given"),
  doseNumber: optionalNumber("dose number", { min: 1, max: 20 }).refine((value) => value === undefined || Number.isInteger(value), {
    error: "The dose number is a whole number, like 1 or 2.",
  }),
  lot: optionalText("lot number", 60),
  site: optionalText("site", 60),
  notes,
});

export const HEALTH_DATA_SCHEMAS = {
  CONDITION: ZConditionDataSchema,
  MEDICATION: ZMedicationDataSchema,
  ALLERGY: ZAllergyDataSchema,
  LAB_RESULT: ZLabResultDataSchema,
  VITAL_SIGN: ZVitalSignDataSchema,
  IMMUNIZATION: ZImmunizationDataSchema,
} as const satisfies Record<HealthEntryKind, z.ZodType>;

export type TConditionData = z.output<typeof ZConditionDataSchema>;
export type TMedicationData = z.output<typeof ZMedicationDataSchema>;
export type TAllergyData = z.output<typeof ZAllergyDataSchema>;
export type TLabResultData = z.output<typeof ZLabResultDataSchema>;
export type TVitalSignData = z.output<typeof ZVitalSignDataSchema>;
export type TImmunizationData = z.output<typeof ZImmunizationDataSchema>;

/** The stored `data` of each kind. */
export interface HealthDataByKind {
  CONDITION: TConditionData;
  MEDICATION: TMedicationData;
  ALLERGY: TAllergyData;
  LAB_RESULT: TLabResultData;
  VITAL_SIGN: TVitalSignData;
  IMMUNIZATION: TImmunizationData;
}
export type THealthData = HealthDataByKind[HealthEntryKind];
/** What a form for a kind holds before parsing. */
export type THealthDataInput<K extends HealthEntryKind> = z.input<(typeof HEALTH_DATA_SCHEMAS)[K]>;

/** A kind and its data, discriminated by `kind`. */
export const ZHealthEntryContentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CONDITION"), data: ZConditionDataSchema }),
  z.object({ kind: z.literal("MEDICATION"), data: ZMedicationDataSchema }),
  z.object({ kind: z.literal("ALLERGY"), data: ZAllergyDataSchema }),
  z.object({ kind: z.literal("LAB_RESULT"), data: ZLabResultDataSchema }),
  z.object({ kind: z.literal("VITAL_SIGN"), data: ZVitalSignDataSchema }),
  z.object({ kind: z.literal("IMMUNIZATION"), data: ZImmunizationDataSchema }),
]);
export type THealthEntryContent = z.output<typeof ZHealthEntryContentSchema>;

/** Parses `data` for `kind` (zod result, for callers that map errors themselves). */
export function safeParseHealthData<K extends HealthEntryKind>(kind: K, data: unknown) {
  return (HEALTH_DATA_SCHEMAS[kind] as unknown as z.ZodType<HealthDataByKind[K]>).safeParse(data);
}

/** The day the entry is about, as stored in HealthEntry.effectiveAt (midnight UTC), or null. */
export function effectiveDay(content: THealthEntryContent): string | null {
  switch (content.kind) {
    case "CONDITION":
      return content.data.onsetDate ?? null;
    case "MEDICATION":
      return content.data.startDate ?? null;
    case "ALLERGY":
      return content.data.notedDate ?? null;
    case "LAB_RESULT":
    case "VITAL_SIGN":
      return content.data.takenAt;
    case "IMMUNIZATION":
      return content.data.date;
  }
}

export function computeEffectiveAt(content: THealthEntryContent): Date | null {
  const value = effectiveDay(content);
  return value ? dayToDate(value) : null;
}

// ---- derived facts shown on lists and the summary ----

export type LabRangeFlag = "low" | "high" | "normal" | "unknown";

/** Whether a lab value is outside its reference range; "unknown" for a text value or no range. */
export function labRangeFlag(data: Pick<TLabResultData, "value" | "referenceLow" | "referenceHigh">): LabRangeFlag {
  if (typeof data.value !== "number") return "unknown";
  if (data.referenceLow === undefined && data.referenceHigh === undefined) return "unknown";
  if (data.referenceLow !== undefined && data.value < data.referenceLow) return "low";
  if (data.referenceHigh !== undefined && data.value > data.referenceHigh) return "high";
  return "normal";
}

/** A medication is current while active and not past its stop date. */
export function isCurrentMedication(data: TMedicationData, today = new Date().toISOString().slice(0, 10)): boolean {
  return data.status === "active" && (!data.stopDate || data.stopDate >= today);
}

export function vitalLabel(type: VitalType): string {
  return VITAL_TYPES[type].label;
}

/** "120/80 mmHg", "72 bpm". */
export function formatVital(data: Pick<TVitalSignData, "type" | "value" | "diastolic" | "unit">): string {
  return data.type === "blood-pressure" ? `${data.value}/${data.diastolic ?? "?"} ${data.unit}` : `${data.value} ${data.unit}`;
}

// ---- use case inputs (lib/health, server actions) ----

const ZId = ZEntityIdSchema;
const ZVersion = z.number({ error: "The version you saw is missing. Reload and try again." }).int().min(1);

/** `data` is checked against the kind's schema by the use case (it knows the kind). */
export const ZAddHealthEntrySchema = z.object({ patientId: ZId, kind: ZHealthEntryKindSchema, data: z.unknown() });
export type TAddHealthEntryInput = z.input<typeof ZAddHealthEntrySchema>;

export const ZUpdateHealthEntrySchema = z.object({ entryId: ZId, expectedVersion: ZVersion, data: z.unknown() });
export type TUpdateHealthEntryInput = z.input<typeof ZUpdateHealthEntrySchema>;

export const ZRemoveHealthEntrySchema = z.object({ entryId: ZId, expectedVersion: ZVersion });
export type TRemoveHealthEntryInput = z.input<typeof ZRemoveHealthEntrySchema>;

export const ZListHealthEntriesSchema = z.object({ patientId: ZId, kind: ZHealthEntryKindSchema.optional() });

/** A clinician's proposal: a change to an entry (entryId + baseVersion) or a new entry (kind). */
export const ZProposeHealthEntryChangeSchema = z
  .object({
    patientId: ZId,
    entryId: ZId.optional(),
    baseVersion: ZVersion.optional(),
    kind: ZHealthEntryKindSchema.optional(),
    data: z.unknown(),
    note: optionalText("note", 1000),
  })
  .refine((input) => (input.entryId ? input.baseVersion !== undefined : input.kind !== undefined), {
    error: "Say which entry the change is for, or what kind of entry to add.",
  });
export type TProposeHealthEntryChangeInput = z.input<typeof ZProposeHealthEntryChangeSchema>;
