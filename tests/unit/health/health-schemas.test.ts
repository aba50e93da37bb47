// The shared health data schemas: what forms send parses into what is stored,
// stored data parses again unchanged, messages name the field, and the derived
// facts (effective date, out-of-range flag, current medication) are right.
import {
  computeEffectiveAt,
  formatVital,
  HEALTH_ENTRY_KINDS,
  isCurrentMedication,
  kindFromSlug,
  HEALTH_KIND_INFO,
  labRangeFlag,
  safeParseHealthData,
  ZHealthEntryContentSchema,
  ZLabResultDataSchema,
  ZMedicationDataSchema,
  ZVitalSignDataSchema,
} from "@/lib/validation/health";

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe("lab results", () => {
  it("turns form strings into numbers, drops empty optional fields and parses its own output again", () => {
    const parsed = ZLabResultDataSchema.parse({ test: " HbA1c ", value: "7,9", unit: "%", referenceLow: "", referenceHigh: "5.6", takenAt: "2025-10-01", notes: "  " });
    expect(parsed).toEqual({ test: "HbA1c", value: 7.9, unit: "%", referenceLow: undefined, referenceHigh: 5.6, takenAt: "2025-10-01", notes: undefined });
    expect(ZLabResultDataSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it("keeps a text result as text", () => {
    expect(ZLabResultDataSchema.parse({ test: "Covid PCR", value: "negative", takenAt: "2024-01-01" }).value).toBe("negative");
    expect(ZLabResultDataSchema.parse({ test: "CRP", value: "<0.5", takenAt: "2024-01-01" }).value).toBe("<0.5");
  });

  it.each([
    [{ value: 7.9, referenceLow: 4, referenceHigh: 5.6 }, "high"],
    [{ value: 3.1, referenceLow: 4, referenceHigh: 5.6 }, "low"],
    [{ value: 4, referenceLow: 4, referenceHigh: 5.6 }, "normal"],
    [{ value: 5.6, referenceLow: 4, referenceHigh: 5.6 }, "normal"],
    [{ value: 200, referenceHigh: 190 }, "high"],
    [{ value: 0.1, referenceLow: 0.5 }, "low"],
    [{ value: 7 }, "unknown"],
    [{ value: "positive", referenceLow: 0, referenceHigh: 1 }, "unknown"],
  ] as const)("flags %j as %s", (data, flag) => {
    expect(labRangeFlag({ referenceLow: undefined, referenceHigh: undefined, ...data })).toBe(flag);
  });

  it("explains what is wrong, field by field", () => {
    const result = ZLabResultDataSchema.safeParse({ test: "", value: "", referenceLow: "abc", referenceHigh: "1", takenAt: "2025-02-30" });
    expect(messages(result)).toEqual({
      test: "Enter the test name.",
      value: "Enter the result, like 5.4 or negative.",
      referenceLow: "Enter the lowest normal value as a number, like 72 or 36.6.",
      takenAt: "Enter the date of the test as a real date (year-month-day).",
    });
    expect(messages(ZLabResultDataSchema.safeParse({ test: "x", value: 1, referenceLow: 9, referenceHigh: 1, takenAt: "2025-01-01" }))).toEqual({
      referenceHigh: "The lowest normal value cannot be above the highest.",
    });
  });

  it("refuses a date in the future", () => {
    const future = new Date(Date.now() + 3 * 24 * 60 * 60_000).toISOString().slice(0, 10);
    expect(messages(ZLabResultDataSchema.safeParse({ test: "x", value: 1, takenAt: future }))).toEqual({ takenAt: "The date of the test cannot be in the future." });
  });
});

describe("vital signs", () => {
  it("needs a diastolic value below the systolic for blood pressure", () => {
    const base = { type: "blood-pressure", value: "120", unit: "mmHg", takenAt: "2025-01-01" };
    expect(messages(ZVitalSignDataSchema.safeParse(base))).toEqual({ diastolic: "Enter the diastolic (lower) value." });
    expect(messages(ZVitalSignDataSchema.safeParse({ ...base, diastolic: "130" }))).toEqual({ diastolic: "The diastolic (lower) value should be below the systolic (upper) value." });
    const parsed = ZVitalSignDataSchema.parse({ ...base, diastolic: "80" });
    expect(formatVital(parsed)).toBe("120/80 mmHg");
  });

  it("checks the unit against the type and the value against a plausible range for that unit", () => {
    expect(messages(ZVitalSignDataSchema.safeParse({ type: "weight", value: 70, unit: "bpm", takenAt: "2025-01-01" }))).toEqual({ unit: "Choose the unit: kg or lb." });
    expect(messages(ZVitalSignDataSchema.safeParse({ type: "temperature", value: 98.6, unit: "°C", takenAt: "2025-01-01" }))).toEqual({
      value: "The value should be between 25 and 45 °C. Check the number and the unit.",
    });
    expect(ZVitalSignDataSchema.safeParse({ type: "temperature", value: 98.6, unit: "°F", takenAt: "2025-01-01" }).success).toBe(true);
    expect(messages(ZVitalSignDataSchema.safeParse({ type: "heart-rate", value: 70, diastolic: 40, unit: "bpm", takenAt: "2025-01-01" }))).toEqual({
      diastolic: "Only blood pressure has a second value.",
    });
  });
});

describe("medications and the other kinds", () => {
  it("refuses a stop date before the start date and knows what is current", () => {
    expect(messages(ZMedicationDataSchema.safeParse({ name: "x", status: "stopped", startDate: "2024-02-01", stopDate: "2024-01-01" }))).toEqual({
      stopDate: "The stop date cannot be before the start date.",
    });
    const med = ZMedicationDataSchema.parse({ name: "Metformin", status: "active" });
    expect(isCurrentMedication(med, "2025-01-01")).toBe(true);
    expect(isCurrentMedication({ ...med, stopDate: "2024-12-31" }, "2025-01-01")).toBe(false);
    expect(isCurrentMedication({ ...med, status: "stopped" }, "2025-01-01")).toBe(false);
  });

  it("has a friendly message for an allergy without severity", () => {
    expect(messages(safeParseHealthData("ALLERGY", { substance: "Peanuts" }))).toEqual({ severity: "Choose how severe the reaction is: mild, moderate or severe." });
  });

  it("needs a whole dose number for an immunization", () => {
    expect(safeParseHealthData("IMMUNIZATION", { vaccine: "MMR", date: "2010-01-01", doseNumber: "2" }).data?.doseNumber).toBe(2);
    expect(messages(safeParseHealthData("IMMUNIZATION", { vaccine: "MMR", date: "2010-01-01", doseNumber: "1.5" }))).toEqual({ doseNumber: "The dose number is a whole number, like 1 or 2." });
  });
});

describe("effectiveAt and the union by kind", () => {
  it.each([
    [{ kind: "CONDITION", data: { name: "Asthma", clinicalStatus: "active", onsetDate: "2001-03-04" } }, "2001-03-04"],
    [{ kind: "CONDITION", data: { name: "Asthma", clinicalStatus: "active" } }, null],
    [{ kind: "MEDICATION", data: { name: "x", status: "active", startDate: "2020-01-02" } }, "2020-01-02"],
    [{ kind: "ALLERGY", data: { substance: "x", severity: "mild", notedDate: "2018-06-07" } }, "2018-06-07"],
    [{ kind: "LAB_RESULT", data: { test: "x", value: 1, takenAt: "2025-10-01" } }, "2025-10-01"],
    [{ kind: "VITAL_SIGN", data: { type: "spo2", value: 97, unit: "%", takenAt: "2025-10-02" } }, "2025-10-02"],
    [{ kind: "IMMUNIZATION", data: { vaccine: "x", date: "2021-05-06" } }, "2021-05-06"],
  ])("%j -> %s", (content, day) => {
    const parsed = ZHealthEntryContentSchema.parse(content);
    expect(computeEffectiveAt(parsed)?.toISOString() ?? null).toBe(day ? `${day}T00:00:00.000Z` : null);
  });

  it("checks the data against the kind it is sent with", () => {
    expect(ZHealthEntryContentSchema.safeParse({ kind: "ALLERGY", data: { test: "x", value: 1, takenAt: "2025-10-01" } }).success).toBe(false);
    expect(ZHealthEntryContentSchema.safeParse({ kind: "PIZZA", data: {} }).success).toBe(false);
  });

  it("maps every kind to a slug and back", () => {
    for (const kind of HEALTH_ENTRY_KINDS) expect(kindFromSlug(HEALTH_KIND_INFO[kind].slug)).toBe(kind);
    expect(kindFromSlug("nope")).toBeNull();
  });
});
