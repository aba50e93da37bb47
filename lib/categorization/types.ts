// Shapes shared by the extractors, the rules and categorizeDocument. Dates of
// service are calendar dates ("YYYY-MM-DD"): a visit on 5 March is 5 March in
// every time zone, so no Date object (and no UTC shift) is involved until the
// value is written to the database column (@db.Date).
import type { ImagingModality, RecordCategory } from "@/lib/generated/prisma/client";

export type { ImagingModality, RecordCategory };

/** Where a piece of evidence came from. "text" is a plain-text upload. */
export type SignalSource = "dicom" | "pdf-text" | "ocr" | "exif" | "filename" | "text";

export type SignalField = "category" | "modality" | "bodyPart" | "dateOfService" | "sourceProvider" | "keywords";

/** One reason behind a result: stored in Record.categorization as the "why". */
export interface CategorizationSignal {
  field: SignalField;
  value: string;
  source: SignalSource;
  /** Short, human-readable: which rule or tag matched, and how strongly. */
  detail: string;
}

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface CategorizationResult {
  category: RecordCategory;
  modality?: ImagingModality;
  bodyPart?: string;
  dateOfService?: IsoDate;
  sourceProvider?: string;
  keywords: string[];
  signals: CategorizationSignal[];
  /** Text found in the file (PDF text layer, OCR, DICOM descriptions); medical content, never logged. */
  extractedText: string;
  /** What could not be read and why, without content (e.g. "ocr: image format not supported"). */
  notes: string[];
}

/** Text of one source, as the rules see it. */
export interface TextSource {
  source: SignalSource;
  text: string;
}
