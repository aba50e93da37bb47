// Feeds damaged copies of a JPEG and a PNG with EXIF, a HEIC photo, a DICOM
// file, a PDF and a DOCX to the parsers that read an upload: file-type (in the
// finalize request) and exifr, dicom-parser, libheif and MuPDF (in jobs). Errors are expected and ignored; what must not
// happen is a parser that never returns. It prints each case before running it,
// so whoever kills this process for taking too long can say which case hung.
// Run by file-parsers-fuzz.test.ts: node --import tsx <this> <seed> <rounds>
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { extractDicom } from "@/lib/categorization/extract/dicom";
import { extractExif } from "@/lib/categorization/extract/exif";
import { decodeHeic } from "@/lib/images/decode-heic";
import { renderPdfFirstPage } from "@/lib/records/render-pdf-page";
import { buildDicomFile } from "@/tests/factories/dicom";
import { docxBytes, pdfBytes } from "@/tests/factories/files";

type Parse = (bytes: Buffer) => unknown;

async function samples(): Promise<Array<{ kind: string; bytes: Buffer; parsers: Array<[string, Parse]> }>> {
  const exif = { IFD0: { Make: "MedVault" }, IFD2: { DateTimeOriginal: "2024:02:05 09:30:11" } };
  const photo = sharp({ create: { width: 64, height: 48, channels: 3, background: "#f5f5f4" } }).withExif(exif);
  // Every upload passes file-type in finalize (DOCX again with its first MiB), and exifr in categorization.
  const { fileTypeFromBuffer } = await import("file-type");
  const always: Array<[string, Parse]> = [
    ["file-type", (bytes) => fileTypeFromBuffer(bytes)],
    ["exifr", (bytes) => extractExif(bytes)],
  ];
  return [
    { kind: "jpeg", bytes: await photo.clone().jpeg().toBuffer(), parsers: always },
    { kind: "png", bytes: await photo.clone().png().toBuffer(), parsers: always },
    { kind: "heic", bytes: readFileSync(path.join(__dirname, "../../../fixtures/images/lab-results-photo.heic")), parsers: [...always, ["libheif", (bytes) => decodeHeic(bytes)]] },
    { kind: "dicom", bytes: buildDicomFile({ modality: "CT", studyDate: "20230630", bodyPartExamined: "CHEST" }), parsers: [...always, ["dicom-parser", (bytes) => extractDicom(bytes)]] },
    { kind: "pdf", bytes: pdfBytes("Haemoglobin 14.1 g/dL"), parsers: [...always, ["mupdf", (bytes) => renderPdfFirstPage({ bytes, maxSide: 100 })]] },
    { kind: "docx", bytes: docxBytes(), parsers: always },
  ];
}

// A small deterministic generator, so a failing seed can be run again.
let state = Number(process.argv[2] ?? 1);
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const below = (n: number) => Math.floor(random() * n);

/**
 * Byte flips, a run of zeros (a size field of 0), a run of 0xFF (a huge one),
 * a cut, or everything zeroed from some point on (a file whose end was lost):
 * all near the start, where the headers are.
 */
function damage(original: Buffer): Buffer {
  const bytes = Buffer.from(original);
  const head = Math.min(bytes.length, 2048);
  switch (below(5)) {
    case 0:
      for (let flips = 1 + below(20); flips > 0; flips--) bytes[below(head)] = below(256);
      return bytes;
    case 1: {
      const at = below(head);
      return bytes.fill(0, at, Math.min(bytes.length, at + 1 + below(64)));
    }
    case 2: {
      const at = below(head);
      return bytes.fill(0xff, at, Math.min(bytes.length, at + 1 + below(16)));
    }
    case 3:
      return bytes.subarray(0, below(bytes.length));
    default:
      // Biased towards the very start: the first headers are the ones a parser walks.
      return bytes.fill(0, below(below(head) + 1));
  }
}

async function main() {
  const rounds = Number(process.argv[3] ?? 100);
  const files = await samples();
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const bytes = damage(file.bytes);
      for (const [parser, parse] of file.parsers) {
        process.stdout.write(`case ${round} ${file.kind} ${parser}\n`);
        try {
          await parse(bytes);
        } catch {
          // A refusal is the right answer to a damaged file.
        }
      }
    }
  }
  process.stdout.write(`all done: ${rounds} rounds\n`);
}

void main().then(() => process.exit(0));
