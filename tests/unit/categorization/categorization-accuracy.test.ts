// Runs categorizeDocument over the generated, labelled corpus (tests/corpus) and
// reports accuracy. Category must be right for >= 90% of files (for imaging, the
// modality too), the date of service for >= 85%. OCR runs for real, offline.
import { readFile } from "node:fs/promises";
import { categorizeDocument } from "@/lib/categorization/categorize";
import { terminateOcrWorker } from "@/lib/categorization/extract/ocr";
import type { CategorizationResult } from "@/lib/categorization/types";
import { CORPUS } from "@/tests/corpus/documents";
import { generateCorpus, type CorpusFile } from "@/tests/corpus/generate-corpus";
import { LABELS } from "@/tests/corpus/labels";

jest.setTimeout(180_000);

interface Outcome {
  file: CorpusFile;
  result: CategorizationResult;
  ms: number;
}

let outcomes: Outcome[] = [];
let totalMs = 0;

beforeAll(async () => {
  const files = await generateCorpus();
  const started = Date.now();
  for (const file of files) {
    const t = Date.now();
    const result = await categorizeDocument({ bytes: await readFile(file.path), mimeType: file.mimeType, fileName: file.file });
    outcomes.push({ file, result, ms: Date.now() - t });
  }
  totalMs = Date.now() - started;
});

afterAll(() => terminateOcrWorker());

const label = (outcome: Outcome) => LABELS[outcome.file.file]!;
const categoryRight = (outcome: Outcome) => outcome.result.category === label(outcome).category && (!label(outcome).modality || outcome.result.modality === label(outcome).modality);
const dateRight = (outcome: Outcome) => outcome.result.dateOfService === label(outcome).dateOfService;
const pct = (count: number, total: number) => `${((100 * count) / total).toFixed(1)}%`;

describe("categorization accuracy on the labelled corpus", () => {
  it("has a label for every file, at least 45 files of every kind", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(45);
    expect(Object.keys(LABELS).sort()).toEqual(CORPUS.map((item) => item.file).sort());
    const kinds = new Set(CORPUS.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(["blank", "dicom", "photo", "scanned-pdf", "text-pdf"]);
  });

  it("reaches 90% category and 85% date-of-service accuracy", () => {
    outcomes = outcomes.filter(Boolean);
    const total = outcomes.length;
    const categories = outcomes.filter(categoryRight).length;
    const dates = outcomes.filter(dateRight).length;

    const byKind = new Map<string, Outcome[]>();
    for (const outcome of outcomes) {
      const kind = CORPUS.find((item) => item.file === outcome.file.file)!.kind;
      byKind.set(kind, [...(byKind.get(kind) ?? []), outcome]);
    }
    const lines = [
      `Categorization accuracy over ${total} files in ${(totalMs / 1000).toFixed(1)} s`,
      `  category (with modality for imaging): ${categories}/${total} = ${pct(categories, total)}`,
      `  date of service:                      ${dates}/${total} = ${pct(dates, total)}`,
      "  by kind (category / date / time):",
      ...[...byKind].map(([kind, items]) => `    ${kind.padEnd(12)} ${pct(items.filter(categoryRight).length, items.length).padStart(6)} ${pct(items.filter(dateRight).length, items.length).padStart(6)}  ${(items.reduce((sum, item) => sum + item.ms, 0) / 1000).toFixed(1)} s for ${items.length}`),
      "  misses (expected -> got):",
      ...outcomes
        .filter((outcome) => !categoryRight(outcome) || !dateRight(outcome))
        .map((outcome) => {
          const expected = label(outcome);
          const got = outcome.result;
          const parts = [];
          if (!categoryRight(outcome)) parts.push(`category ${expected.category}${expected.modality ? `/${expected.modality}` : ""} -> ${got.category}${got.modality ? `/${got.modality}` : ""}`);
          if (!dateRight(outcome)) parts.push(`date ${expected.dateOfService ?? "none"} -> ${got.dateOfService ?? "none"}`);
          return `    ${outcome.file.file}: ${parts.join("; ")}`;
        }),
    ];
    console.log(lines.join("\n"));

    expect(categories / total).toBeGreaterThanOrEqual(0.9);
    expect(dates / total).toBeGreaterThanOrEqual(0.85);
  });

  it("explains every result with signals and keeps keywords short and free of numbers", () => {
    for (const { result } of outcomes) {
      expect(result.signals.some((signal) => signal.field === "category")).toBe(true);
      if (result.dateOfService) expect(result.signals.some((signal) => signal.field === "dateOfService" && signal.value === result.dateOfService)).toBe(true);
      expect(result.keywords.length).toBeLessThanOrEqual(10);
      for (const keyword of result.keywords) expect(keyword).not.toMatch(/\d/);
    }
  });

  it("OCRs the scanned and photographed items within the time budget", () => {
    const ocrMs = outcomes.filter(({ file }) => ["scanned-pdf", "photo", "blank"].includes(CORPUS.find((item) => item.file === file.file)!.kind)).reduce((sum, item) => sum + item.ms, 0);
    expect(ocrMs).toBeLessThan(90_000);
  });
});
