// The text of a PDF: its text layer (unpdf / pdf.js), or, for a scan without
// one, OCR of the page images.
//
// Scanned pages are read without rendering: rendering needs a canvas
// implementation (node-canvas / @napi-rs/canvas), which we do not install. pdf.js
// decodes each page's image XObjects (JPEG, PNG/Flate, 1-bit CCITT/Flate) into
// pixels, and the largest image of a page is taken as the scan. Limits: text
// drawn as vector outlines, a page tiled from many strips, or images whose
// decoder pdf.js cannot run in Node (e.g. JBIG2/JPX on some builds) yield no OCR
// text; such a file is categorized from its name and whatever text it has.
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { recognizeText, type OcrInput } from "./ocr";

/** A page with fewer letters than this is treated as having no text layer. */
const MIN_LETTERS_PER_PAGE = 40;
/** Scanned pages read by OCR, from the first: enough to categorize, bounded in time. */
export const MAX_OCR_PAGES = 2;
/** A smaller image is a logo or a stamp, not a page. */
const MIN_SCAN_SIDE = 300;

export interface PdfText {
  text: string;
  pageCount: number;
  /** Pages whose text came from OCR. */
  ocrPages: number;
  notes: string[];
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfImage = { width: number; height: number; data?: Uint8Array | Uint8ClampedArray; kind?: number };

// pdf.js ImageKind: 1 = 1 bit per pixel gray (packed rows), 2 = RGB, 3 = RGBA.
function toPixels(image: PdfImage): OcrInput | undefined {
  const { width, height, data } = image;
  if (!data || !width || !height) return undefined;
  if (image.kind === 1) {
    const rowBytes = Math.ceil(width / 8);
    const gray = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        // A set bit is white in pdf.js's unpacked form (it already applied /Decode).
        gray[y * width + x] = data[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7)) ? 255 : 0;
      }
    }
    return { data: gray, width, height, channels: 1 };
  }
  const channels = data.length / (width * height);
  if (channels !== 1 && channels !== 3 && channels !== 4) return undefined;
  return { data, width, height, channels };
}

async function largestImage(pdf: PdfDocument, pageNumber: number): Promise<OcrInput | undefined> {
  const { OPS } = await getResolvedPDFJS();
  const page = await pdf.getPage(pageNumber);
  const operators = await page.getOperatorList();
  let best: PdfImage | undefined;
  for (let i = 0; i < operators.fnArray.length; i += 1) {
    const op = operators.fnArray[i];
    let image: PdfImage | undefined;
    if (op === OPS.paintImageXObject) {
      const key = operators.argsArray[i][0] as string;
      const store = key.startsWith("g_") ? page.commonObjs : page.objs;
      image = await new Promise<PdfImage | undefined>((resolve) => store.get(key, resolve));
    } else if (op === OPS.paintInlineImageXObject) {
      image = operators.argsArray[i][0] as PdfImage;
    }
    if (image?.data && Math.min(image.width, image.height) >= MIN_SCAN_SIDE && (!best || image.width * image.height > best.width * best.height)) best = image;
  }
  return best && toPixels(best);
}

type TextItem = { str?: string; hasEOL?: boolean; transform?: number[]; width?: number };

/**
 * Joins pdf.js text items into lines: a new line where the baseline moves, a
 * space where a gap separates two items on one line ("Hemoglobin" "13.5" "g/dL"
 * drawn as separate items must not run together), as a reader would see them.
 */
export function layoutText(items: readonly TextItem[]): string {
  let out = "";
  let last: { x: number; y: number; size: number } | undefined;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const [x = 0, y = 0] = [item.transform?.[4], item.transform?.[5]];
    if (last && !out.endsWith("\n")) {
      if (Math.abs(y - last.y) > 2) out += "\n";
      // A gap wider than about two spaces separates columns: kept as two spaces, so table
      // headers stay apart from their cells ("Date  Description  Amount").
      else if (x - last.x > last.size * 0.6) out = `${out.replace(/ +$/, "")}  `;
      else if (x - last.x > 0.5 && !out.endsWith(" ") && !item.str.startsWith(" ")) out += " ";
    }
    const size = Math.abs(item.transform?.[3] ?? 10) || 10;
    // pdf.js gives a run of spaces as one " " item as wide as the run.
    if (/^\s+$/.test(item.str) && (item.width ?? 0) > size) out = `${out.replace(/ +$/, "")}  `;
    else out += item.str;
    if (item.hasEOL) out += "\n";
    last = { x: x + (item.width ?? 0), y, size };
  }
  return out;
}

const letterCount = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js may transfer the buffer it is given: hand it a copy.
  // verbosity 0: pdf.js warnings about damaged files would go to the console.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const notes: string[] = [];
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(layoutText(content.items as TextItem[]));
    }

    let ocrPages = 0;
    const scanned = pages.slice(0, MAX_OCR_PAGES).map((text) => letterCount(text) < MIN_LETTERS_PER_PAGE);
    for (let index = 0; index < scanned.length; index += 1) {
      if (!scanned[index]) continue;
      const image = await largestImage(pdf, index + 1).catch(() => undefined);
      if (!image) {
        notes.push(`pdf: page ${index + 1} has no text layer and no readable page image`);
        continue;
      }
      const { text } = await recognizeText(image);
      pages[index] = [pages[index], text].filter((part) => part?.trim()).join("\n");
      ocrPages += 1;
    }
    if (pdf.numPages > MAX_OCR_PAGES && scanned.every(Boolean)) notes.push(`pdf: OCR limited to the first ${MAX_OCR_PAGES} pages`);
    return { text: pages.join("\n\f\n"), pageCount: pdf.numPages, ocrPages, notes };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
