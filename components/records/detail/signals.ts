// "Why this category?": the categorization signals stored on a record
// (Record.categorization), turned into sentences a patient can check, e.g.
// "DICOM tag Modality = CT" or "Found 'reference range' in the text".
import { z } from "zod";
import { categoryLabel, modalityLabel } from "./labels";

const ZSignal = z.object({ field: z.string(), value: z.string(), source: z.string(), detail: z.string() });
export type Signal = z.infer<typeof ZSignal>;

/** The signals in a stored categorization ({ signals: [...] }, or a bare list); [] for anything unreadable. */
export function parseSignals(categorization: unknown): Signal[] {
  const list = Array.isArray(categorization)
    ? categorization
    : categorization && typeof categorization === "object" && Array.isArray((categorization as { signals?: unknown }).signals)
      ? (categorization as { signals: unknown[] }).signals
      : [];
  return list.flatMap((item) => {
    const parsed = ZSignal.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const WHERE: Record<string, string> = {
  "pdf-text": "in the text",
  text: "in the text",
  ocr: "in the scanned text",
  filename: "in the file name",
  dicom: "in the image's descriptions",
  exif: "in the photo's details",
};

const FIELD_LABELS: Record<string, string> = {
  category: "Category",
  modality: "Imaging type",
  bodyPart: "Body part",
  dateOfService: "Date of service",
  sourceProvider: "Provider",
  keywords: "Keywords",
};

const FALLBACKS: Record<string, string> = {
  "no rule matched": "Nothing in the file pointed to a category",
  "too little evidence for any category": "Too little in the file pointed to one category",
  "two categories scored the same": "Two categories fitted equally well",
};

const quoted = (detail: string, pattern: RegExp) => pattern.exec(detail)?.[1];

function isoToWords(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  // A calendar date: format it in UTC so no time zone moves it to another day.
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" });
}

/** What the signal set, in words: "Category: Lab result". */
export function signalResult(signal: Signal): string {
  const field = FIELD_LABELS[signal.field] ?? signal.field;
  const value =
    signal.field === "category"
      ? categoryLabel(signal.value)
      : signal.field === "modality"
        ? modalityLabel(signal.value)
        : signal.field === "dateOfService"
          ? isoToWords(signal.value)
          : signal.value;
  return `${field}: ${value}`;
}

/** Why, in words: which tag, phrase or date label the rule found, and where. */
export function signalReason(signal: Signal): string {
  const { detail, source, value } = signal;
  const where = WHERE[source] ?? "in the file";

  if (source === "dicom") {
    const modality = /^Modality (.+)$/.exec(detail);
    if (modality) return `DICOM tag Modality = ${modality[1]}`;
    const dateTag = /^DICOM (\w+)$/.exec(detail);
    if (dateTag) return `DICOM tag ${dateTag[1]} = ${isoToWords(value)}`;
    if (/^[A-Z][A-Za-z]+$/.test(detail)) return `DICOM tag ${detail} = ${value}`;
  }
  const term = quoted(detail, /^matched "(.+)"/) ?? quoted(detail, /^mentions "(.+)"/);
  if (term) return `Found '${term}' ${where}`;
  const label = quoted(detail, /^labelled "(.+)"/);
  if (label) return `Date labelled '${label}' ${where}`;
  if (FALLBACKS[detail]) return `${FALLBACKS[detail]}, so it was filed under Other`;
  if (detail.startsWith("EXIF")) return "The date the photo was taken (from the photo's details)";
  if (detail === "date in the file name") return "A date in the file name";
  if (detail === "earliest unlabelled date in the text") return `The earliest date found ${where}`;
  if (detail === "labelled facility line") return `A line labelled as the facility ${where}`;
  if (detail === "facility name in the letterhead") return "The facility name in the letterhead";
  if (detail.startsWith("rule terms")) return `Words that stood out ${where}`;
  return `${detail} (${where})`;
}
