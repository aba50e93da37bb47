// Generates the labelled corpus (documents.ts) as real files, deterministically:
// text PDFs (pdf-lib), scanned PDFs (text rendered to an image by sharp from SVG,
// slightly rotated and speckled, embedded as a JPEG with no text layer), photos
// of documents (JPEG on a tabletop, EXIF DateTimeOriginal), DICOM files
// (tests/factories/dicom.ts) and files with nothing but a meaningful name.
// The files are written at test time into a git-ignored folder; nothing binary
// is committed. SVG text is drawn with the machine's fonts (fontconfig).
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts, rgb, degrees, type PDFFont } from "pdf-lib";
import sharp from "sharp";
import { buildDicomFile } from "../factories/dicom";
import { CORPUS, type CorpusItem, type Line, type PageStyle } from "./documents";

export const DEFAULT_CORPUS_DIR = path.join(__dirname, "generated");

export interface CorpusFile {
  file: string;
  path: string;
  mimeType: string;
}

const FIXED_DATE = new Date("2024-01-01T00:00:00Z");

/** A small deterministic PRNG (mulberry32), so noise is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

const cellsOf = (line: Line) => (typeof line === "string" ? [line] : line.cells);

// ---------------------------------------------------------------- text PDFs

async function textPdf(lines: Line[], style: PageStyle): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer("medvault corpus");
  doc.setCreator("medvault corpus");
  const [regular, bold] = await Promise.all(
    {
      sans: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
      serif: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
      mono: [StandardFonts.Courier, StandardFonts.CourierBold],
    }[style.font].map((name) => doc.embedFont(name)),
  );
  const page = doc.addPage([612, 792]);
  const margin = 54;
  let y = 792 - margin;
  lines.forEach((line, index) => {
    const isTitle = index === 0 && style.title;
    const size = isTitle ? style.size + 6 : style.size;
    const font: PDFFont = isTitle ? bold! : regular!;
    const cells = cellsOf(line);
    if (isTitle && typeof line === "string") {
      page.drawText(line, { x: (612 - font.widthOfTextAtSize(line, size)) / 2, y, size, font });
    } else {
      const column = (612 - 2 * margin) / cells.length;
      cells.forEach((cell, i) => cell && page.drawText(cell, { x: margin + i * column, y, size, font, color: rgb(0.1, 0.1, 0.1) }));
    }
    y -= size * (isTitle ? 2 : 1.6);
  });
  return doc.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------- rendered pages (scans, photos)

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The page as SVG text, `width` px wide (about 150 dpi for a letter page at 1275). */
function pageSvg(lines: Line[], style: PageStyle, width: number, height: number): string {
  const family = { sans: "DejaVu Sans, Liberation Sans, Arial, sans-serif", serif: "DejaVu Serif, Liberation Serif, Times New Roman, serif", mono: "DejaVu Sans Mono, Liberation Mono, Courier New, monospace" }[style.font];
  const scale = width / 612;
  const margin = 54 * scale;
  let y = margin + style.size * scale;
  const texts: string[] = [];
  lines.forEach((line, index) => {
    const isTitle = index === 0 && style.title;
    const size = (isTitle ? style.size + 6 : style.size) * scale;
    const cells = cellsOf(line);
    const column = (width - 2 * margin) / cells.length;
    cells.forEach((cell, i) => {
      if (!cell) return;
      const x = isTitle && cells.length === 1 ? width / 2 : margin + i * column;
      const anchor = isTitle && cells.length === 1 ? "middle" : "start";
      texts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size.toFixed(1)}" font-weight="${isTitle ? "bold" : "normal"}" text-anchor="${anchor}">${escapeXml(cell)}</text>`);
    });
    y += size * (isTitle ? 2 : 1.6);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/><g font-family="${family}" fill="#161616">${texts.join("")}</g></svg>`;
}

/** Sparse dark specks, like dust on a scanner glass. */
async function speckles(width: number, height: number, seed: number): Promise<Buffer> {
  const next = random(seed);
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    if (next() < 0.0015) {
      pixels[i * 4 + 3] = 140 + Math.floor(next() * 100);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

async function scannedPage(lines: Line[], style: PageStyle, rotate: number, seed: number): Promise<Buffer> {
  const [width, height] = [1275, 1650];
  const page = await sharp(Buffer.from(pageSvg(lines, style, width, height)))
    .composite([{ input: await speckles(width, height, seed) }])
    .flatten({ background: "#ffffff" })
    .rotate(rotate, { background: "#f4f4f4" })
    .resize(width, height, { fit: "cover" })
    .blur(0.5)
    .grayscale()
    .jpeg({ quality: 72 })
    .toBuffer();
  return page;
}

async function scannedPdf(lines: Line[], style: PageStyle, rotate: number, seed: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer("medvault corpus scanner");
  const image = await doc.embedJpg(await scannedPage(lines, style, rotate, seed));
  const page = doc.addPage([612, 792]);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save({ useObjectStreams: false });
}

async function photo(lines: Line[], style: PageStyle, rotate: number, exifDate: string | undefined, seed: number, format: "jpeg" | "png"): Promise<Buffer> {
  const [pageWidth, pageHeight] = [1000, 760];
  const paper = await sharp(Buffer.from(pageSvg(lines, style, pageWidth, pageHeight)))
    .composite([{ input: await speckles(pageWidth, pageHeight, seed) }])
    .rotate(rotate, { background: "#8a7560" })
    .png()
    .toBuffer();
  const { width = pageWidth, height = pageHeight } = await sharp(paper).metadata();
  const [width0, height0] = [width + 160, height + 140];
  const image = sharp({ create: { width: width0, height: height0, channels: 3, background: "#8a7560" } })
    .composite([{ input: paper, left: 80, top: 60 }])
    .modulate({ brightness: 0.95 })
    .blur(0.7);
  if (format === "png") return image.png().toBuffer();
  image.jpeg({ quality: 80 });
  if (exifDate) image.withExif({ IFD0: { Make: "MedVaultCam", Model: "Corpus 1" }, IFD2: { DateTimeOriginal: exifDate } });
  return image.toBuffer();
}

// ---------------------------------------------------------------- files with nothing but a name

async function blank(format: "pdf" | "png" | "jpeg", seed: number): Promise<Uint8Array> {
  if (format === "pdf") {
    const doc = await PDFDocument.create();
    doc.setCreationDate(FIXED_DATE);
    doc.setModificationDate(FIXED_DATE);
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 100, y: 300, width: 400, height: 200, rotate: degrees(0), color: rgb(0.92, 0.92, 0.92) });
    return doc.save({ useObjectStreams: false });
  }
  const base = sharp({ create: { width: 900, height: 700, channels: 3, background: "#eeeeec" } }).composite([{ input: await speckles(900, 700, seed) }]);
  return format === "png" ? base.png().toBuffer() : base.jpeg({ quality: 80 }).toBuffer();
}

// ---------------------------------------------------------------- the corpus

function mimeTypeOf(item: CorpusItem): string {
  if (item.kind === "dicom") return "application/dicom";
  if (item.kind === "text-pdf" || item.kind === "scanned-pdf") return "application/pdf";
  if (item.kind === "photo") return item.format === "png" ? "image/png" : "image/jpeg";
  return { pdf: "application/pdf", png: "image/png", jpeg: "image/jpeg" }[item.format];
}

export async function renderCorpusItem(item: CorpusItem): Promise<Uint8Array> {
  const seed = seedOf(item.file);
  switch (item.kind) {
    case "text-pdf":
      return textPdf(item.lines, item.style);
    case "scanned-pdf":
      return scannedPdf(item.lines, item.style, item.rotate, seed);
    case "photo":
      return photo(item.lines, item.style, item.rotate, item.exifDate, seed, item.format ?? "jpeg");
    case "dicom":
      return buildDicomFile({ ...item.dicom, seed: item.file });
    case "blank":
      return blank(item.format, seed);
  }
}

/** Writes every corpus file into `dir` (default tests/corpus/generated) and lists them. */
export async function generateCorpus(options: { dir?: string } = {}): Promise<CorpusFile[]> {
  const dir = options.dir ?? DEFAULT_CORPUS_DIR;
  await mkdir(dir, { recursive: true });
  const files: CorpusFile[] = [];
  for (const item of CORPUS) {
    const target = path.join(dir, item.file);
    // Write-then-rename: a reader never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, await renderCorpusItem(item));
    await rename(temporary, target);
    files.push({ file: item.file, path: target, mimeType: mimeTypeOf(item) });
  }
  return files;
}
