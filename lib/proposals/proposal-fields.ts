// A proposal's before/after as rows a person reads: one per changed field,
// with a label and both values in words. Generic over both targets: record
// metadata has known labels; health entry fields are labelled from their keys.
import { RECORD_CATEGORY_LABELS } from "@/lib/records/labels";

export interface ProposalFieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const RECORD_FIELD_LABELS: Record<string, string> = {
  category: "Category",
  dateOfService: "Date of service",
  tags: "Tags",
  bodyPart: "Body part",
  sourceProvider: "Provider",
};

export const NOT_SET = "Not set";

/** "effectiveAt" -> "Effective at", "dose_unit" -> "Dose unit". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return NOT_SET;
  if (Array.isArray(value)) return value.length ? value.map((item) => formatValue(field, item)).join(", ") : NOT_SET;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${humanizeKey(k)}: ${formatValue(k, v)}`)
      .join("; ") || NOT_SET;
  }
  const text = String(value);
  if (field === "category") return (RECORD_CATEGORY_LABELS as Readonly<Record<string, string>>)[text] ?? text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function proposalFieldChanges(options: { target: "RECORD_METADATA" | "HEALTH_ENTRY"; before: unknown; after: unknown }): ProposalFieldChange[] {
  const before = (options.before && typeof options.before === "object" ? options.before : {}) as Record<string, unknown>;
  const after = (options.after && typeof options.after === "object" ? options.after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(after), ...(options.target === "HEALTH_ENTRY" ? Object.keys(before) : [])])];
  return keys
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({
      field: key,
      label: (options.target === "RECORD_METADATA" ? RECORD_FIELD_LABELS[key] : undefined) ?? humanizeKey(key),
      before: formatValue(key, before[key]),
      after: formatValue(key, after[key]),
    }));
}
