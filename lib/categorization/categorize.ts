// Categorizes one uploaded file: reads what it can (DICOM header, PDF text or
// OCR, EXIF, file name), applies the rules and returns the result with the
// signals behind every field. Pure apart from the shared OCR worker: no
// database, no storage, no logging of content. A part that cannot be read adds a
// note and the rest carries on, so a damaged file still gets a result.
import { decodeHeic } from "@/lib/images/decode-heic";
import { extractDicom, looksLikeDicom, type DicomFacts } from "./extract/dicom";
import { extractExif } from "./extract/exif";
import { extractFileName } from "./extract/filename";
import { recognizeText } from "./extract/ocr";
import { extractPdfText } from "./extract/pdf-text";
import { chooseDateOfService } from "./rules/date-of-service";
import { bodyPartFromText, modalityFromText } from "./rules/imaging-rules";
import { pickKeywords } from "./rules/keywords";
import { providerFromText } from "./rules/provider";
import { scoreCategories } from "./rules/score-categories";
import type { CategorizationResult, CategorizationSignal, IsoDate, SignalSource, TextSource } from "./types";

/** Stored extracted text is capped: enough for search, bounded for the row. */
export const MAX_EXTRACTED_TEXT = 200_000;

const OCR_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/tiff", "image/webp"]);
const EXIF_IMAGE_TYPES = new Set(["image/jpeg", "image/tiff", "image/heic", "image/heif", "image/png", "image/webp"]);

export interface CategorizeInput {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
  /** "Today" for rejecting future dates; tests pin it. */
  now?: Date;
}

interface Extracted {
  texts: TextSource[];
  dicom?: DicomFacts;
  exifDate?: { date: IsoDate; tag: string };
  notes: string[];
}

async function attempt<T>(notes: string[], what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch {
    // The error message may quote file content: keep only what failed.
    notes.push(`${what}: could not be read`);
    return undefined;
  }
}

async function extract(input: CategorizeInput): Promise<Extracted> {
  const notes: string[] = [];
  const texts: TextSource[] = [];
  const mime = input.mimeType.toLowerCase();
  const result: Extracted = { texts, notes };

  if (mime === "application/dicom" || looksLikeDicom(input.bytes)) {
    result.dicom = await attempt(notes, "dicom", async () => extractDicom(input.bytes));
    if (result.dicom?.descriptions.length) texts.push({ source: "dicom", text: result.dicom.descriptions.join("\n") });
  } else if (mime === "application/pdf") {
    const pdf = await attempt(notes, "pdf", () => extractPdfText(input.bytes));
    if (pdf) {
      notes.push(...pdf.notes);
      texts.push({ source: pdf.ocrPages > 0 ? "ocr" : "pdf-text", text: pdf.text });
    }
  } else if (mime === "text/plain") {
    texts.push({ source: "text", text: input.bytes.toString("utf8") });
  }

  if (EXIF_IMAGE_TYPES.has(mime)) {
    const exif = await attempt(notes, "exif", () => extractExif(input.bytes));
    if (exif?.dateTaken) result.exifDate = { date: exif.dateTaken, tag: exif.tag ?? "DateTimeOriginal" };
  }
  if (OCR_IMAGE_TYPES.has(mime)) {
    const ocr = await attempt(notes, "ocr", () => recognizeText(input.bytes));
    if (ocr?.text.trim()) texts.push({ source: "ocr", text: ocr.text });
    else if (ocr) notes.push("ocr: no text found");
  } else if (mime === "image/heic" || mime === "image/heif") {
    const photo = await attempt(notes, "heic", () => decodeHeic(input.bytes));
    const ocr = photo ? await attempt(notes, "ocr", () => recognizeText(photo)) : undefined;
    if (ocr?.text.trim()) texts.push({ source: "ocr", text: ocr.text });
    else if (ocr) notes.push("ocr: no text found");
    else if (photo === null) notes.push("heic: the photo could not be decoded (damaged, or too large); categorized from EXIF and file name");
  } else if (!result.dicom && mime !== "application/pdf" && mime !== "text/plain") {
    notes.push(`content: ${mime} is not read; categorized from the file name`);
  }
  return result;
}

const percent = (points: number) => (Math.round(points * 10) / 10).toString();

export async function categorizeDocument(input: CategorizeInput): Promise<CategorizationResult> {
  const now = input.now ?? new Date();
  const { texts, dicom, exifDate, notes } = await extract(input);
  const fileName = extractFileName(input.fileName);
  const fileNameSource: TextSource = { source: "filename", text: fileName.words.join(" ") };
  const contentText = texts.map((source) => source.text).join("\n\n");
  const primary: SignalSource = texts[0]?.source ?? (dicom ? "dicom" : "filename");
  const signals: CategorizationSignal[] = [];

  // Category
  const scored = scoreCategories({ sources: [...texts, fileNameSource], isDicom: Boolean(dicom) });
  const category = scored.category;
  if (scored.fallback) {
    const detail = { no_evidence: "no rule matched", low_score: "too little evidence for any category", tie: "two categories scored the same" }[scored.fallback];
    signals.push({ field: "category", value: "OTHER", source: primary, detail });
  } else {
    for (const item of scored.evidence.slice(0, 6)) {
      signals.push({ field: "category", value: category, source: item.source, detail: `matched "${item.term}" (+${percent(item.points)})` });
    }
  }

  // Imaging specifics
  let modality: CategorizationResult["modality"];
  let bodyPart: string | undefined;
  if (category === "IMAGING") {
    const imagingText = [contentText, fileNameSource.text].join("\n");
    if (dicom?.modality) {
      modality = dicom.modality;
      signals.push({ field: "modality", value: modality, source: "dicom", detail: `Modality ${dicom.modalityCode}` });
    } else {
      const fromText = modalityFromText(imagingText);
      if (fromText) {
        modality = fromText.modality;
        signals.push({ field: "modality", value: modality, source: primary, detail: `mentions "${fromText.term}"` });
      }
    }
    if (dicom?.bodyPart) {
      bodyPart = dicom.bodyPart;
      signals.push({ field: "bodyPart", value: bodyPart, source: "dicom", detail: "BodyPartExamined" });
    } else {
      const fromText = bodyPartFromText(imagingText);
      if (fromText) {
        bodyPart = fromText.bodyPart;
        signals.push({ field: "bodyPart", value: bodyPart, source: primary, detail: `mentions "${fromText.term}"` });
      }
    }
  }

  // Date of service
  const date = chooseDateOfService({ dicomDate: dicom?.studyDate, sources: texts, exifDate: exifDate?.date, fileNameDate: fileName.date, now });
  if (date) signals.push({ field: "dateOfService", value: date.date, source: date.source, detail: date.detail });

  // Source provider
  let sourceProvider: string | undefined;
  if (dicom?.institution) {
    sourceProvider = dicom.institution;
    signals.push({ field: "sourceProvider", value: sourceProvider, source: "dicom", detail: "InstitutionName" });
  } else {
    const fromText = providerFromText(contentText);
    if (fromText) {
      sourceProvider = fromText.name;
      signals.push({ field: "sourceProvider", value: sourceProvider, source: primary, detail: fromText.labelled ? "labelled facility line" : "facility name in the letterhead" });
    } else if (dicom?.referringPhysician) {
      sourceProvider = dicom.referringPhysician;
      signals.push({ field: "sourceProvider", value: sourceProvider, source: "dicom", detail: "ReferringPhysicianName" });
    }
  }

  // Keywords
  const keywords = pickKeywords({
    extra: [modality && modality !== "OTHER" ? modality.toLowerCase().replace("xray", "x-ray") : "", bodyPart ?? ""],
    ruleTerms: scored.evidence.filter((item) => item.source !== "dicom" || item.term !== "DICOM file").map((item) => item.term),
    text: [contentText, fileNameSource.text].join("\n"),
  });
  if (keywords.length) signals.push({ field: "keywords", value: keywords.join(", "), source: primary, detail: "rule terms, then frequent words" });

  return {
    category,
    modality,
    bodyPart,
    dateOfService: date?.date,
    sourceProvider,
    keywords,
    signals,
    // Postgres text cannot hold NUL, which broken text layers sometimes contain.
    extractedText: contentText.replace(/\u0000/g, "").slice(0, MAX_EXTRACTED_TEXT),
    notes,
  };
}
