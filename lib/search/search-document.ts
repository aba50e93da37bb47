// The text of a record as engines index it, built the same way for every
// engine: A = file name and tags, B = category, provider, modality, body part,
// keywords and DICOM descriptions, C = the extracted text (PDF text layer, OCR).
// Highlight marks are stripped so they can only ever come from an engine.
import { stripHighlightMarks } from "./highlight";
import { SEARCH_CATEGORY_LABELS, SEARCH_MODALITY_LABELS } from "./labels";
import type { SearchableRecord } from "./types";

/** Extracted text beyond this is not indexed (a 500-page scan is found by its first pages). */
export const MAX_CONTENT_CHARS = 200_000;
/** Distinct words kept for typo matching. */
export const MAX_LEXICON_WORDS = 4_000;

export interface SearchDocumentText {
  /** The file name as shown. */
  title: string;
  /** Weight A: the file name split into words, and the tags. */
  primary: string;
  /** Weight B, one line. */
  labels: string;
  /** DICOM descriptions (part of B). */
  dicomText: string;
  /** Weight C. */
  content: string;
  /** Distinct lower-case words of all of the above (3 to 40 characters). */
  lexicon: string[];
}

const clean = (text: string) => stripHighlightMarks(text).replace(/[\p{Cc}\p{Cf}]+/gu, " ");
/** Separators in file names ("chest-xray_2024.pdf") become spaces so each part is a word. */
const fileNameWords = (name: string) => name.replace(/[._\-/\\()[\]]+/g, " ").trim();

const WORD = /[\p{L}\p{N}]+/gu;

/** Search terms of a text: letters and digits only, lower case. Shared by documents and queries. */
export function wordsOf(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(WORD) ?? []) as string[];
}

export function buildSearchDocument(record: SearchableRecord): SearchDocumentText {
  const isDicom = record.mimeType === "application/dicom";
  const extracted = clean(record.extractedText ?? "").slice(0, MAX_CONTENT_CHARS);
  const title = clean(record.originalName);
  const tags = record.tags.map(clean);
  const labels = [
    record.category ? SEARCH_CATEGORY_LABELS[record.category] : "",
    record.sourceProvider ? clean(record.sourceProvider) : "",
    record.modality ? SEARCH_MODALITY_LABELS[record.modality] : "",
    record.bodyPart ? clean(record.bodyPart) : "",
    ...record.keywords.map(clean),
  ]
    .filter(Boolean)
    .join(" · ");
  const dicomText = isDicom ? extracted : "";
  const content = isDicom ? "" : extracted;
  const primary = [fileNameWords(title), ...tags].filter(Boolean).join(" ");

  const lexicon = new Set<string>();
  for (const text of [primary, labels, dicomText, content]) {
    for (const word of wordsOf(text)) {
      if (lexicon.size >= MAX_LEXICON_WORDS) break;
      if (word.length >= 3 && word.length <= 40) lexicon.add(word);
    }
  }
  return { title, primary, labels, dicomText, content, lexicon: [...lexicon] };
}
