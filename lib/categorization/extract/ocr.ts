// Optical character recognition of scanned pages and photos, offline.
//
// One tesseract.js worker per process, created on first use, shared and used
// one image at a time (a worker holds ~100 MB of model and wasm). It is closed
// after a minute of idleness and by terminateOcrWorker() on shutdown.
//
// Nothing is ever downloaded: the English model is read from the
// @tesseract.js-data/eng package (langPath + gzip flag from its index.js), the
// cache is off (cacheMethod "none": no eng.traineddata written to the working
// directory) and, in Node, tesseract.js loads its worker script and wasm core
// from its own package files (workerPath / corePath are browser-only URLs).
// The Next.js server must load tesseract.js and the data package from
// node_modules (serverExternalPackages) so that their __dirname paths hold.
import { existsSync } from "node:fs";
import path from "node:path";
import engData from "@tesseract.js-data/eng";
import sharp from "sharp";
import { createWorker, OEM, type Worker } from "tesseract.js";

/** Longest side of the image given to tesseract: enough for 10 pt text on a letter page. */
const OCR_MAX_SIDE = 2000;
/** Gray level (0-255, after normalizing) below which a pixel is ink. */
const OCR_THRESHOLD = 170;
/** A letter page scaled to OCR_MAX_SIDE is about this dense. */
const OCR_ASSUMED_DPI = 200;
const IDLE_MS = 60_000;
/** One image's budget, starting the worker included: a start that never settles must not hold the queue forever. */
const OCR_TIMEOUT_MS = 90_000;
/** How long closing waits for a worker that is still starting before leaving it to close itself when it arrives. */
const TERMINATE_WAIT_MS = 5_000;

export type OcrInput = Buffer | { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels: 1 | 2 | 3 | 4 };

export interface OcrText {
  text: string;
  /** Tesseract's mean word confidence, 0-100. */
  confidence: number;
}

let workerPromise: Promise<Worker> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | undefined;

function languageData(): { langPath: string; gzip: boolean } {
  const { langPath, gzip } = engData as { langPath: string; gzip: boolean };
  const file = path.join(langPath, `eng.traineddata${gzip ? ".gz" : ""}`);
  // A relative or URL langPath would make tesseract.js fetch from the network.
  if (!path.isAbsolute(langPath) || !existsSync(file)) throw new Error("OCR language data is missing from @tesseract.js-data/eng");
  return { langPath, gzip };
}

async function getWorker(): Promise<Worker> {
  workerPromise ??= createWorker("eng", OEM.LSTM_ONLY, { ...languageData(), cacheMethod: "none" })
    .then(async (worker) => {
      // Page images carry no usable resolution; without one tesseract guesses and warns on stderr.
      await worker.setParameters({ user_defined_dpi: String(OCR_ASSUMED_DPI) });
      return worker;
    })
    .catch((error: unknown) => {
      workerPromise = undefined;
      throw error;
    });
  return workerPromise;
}

function scheduleIdleShutdown() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void terminateOcrWorker(), IDLE_MS);
  idleTimer.unref();
}

/**
 * What tesseract reads best: upright, grayscale, at most OCR_MAX_SIDE px, specks
 * removed (median), contrast stretched, then black text on white (threshold).
 * Without the median and threshold, scanner dust makes tesseract see "text"
 * everywhere: slower by 10x and with words run together.
 */
export async function prepareForOcr(input: OcrInput): Promise<Buffer> {
  const image = Buffer.isBuffer(input)
    ? sharp(input, { failOn: "none" }).rotate()
    : sharp(Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength), { raw: { width: input.width, height: input.height, channels: input.channels } });
  return image
    .grayscale()
    .resize({ width: OCR_MAX_SIDE, height: OCR_MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .median(3)
    .normalize()
    .threshold(OCR_THRESHOLD)
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function recognizeNow(image: Buffer): Promise<OcrText> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("OCR timed out")), OCR_TIMEOUT_MS);
  });
  try {
    const worker = await Promise.race([getWorker(), timeout]);
    const { data } = await Promise.race([worker.recognize(image), timeout]);
    return { text: data.text, confidence: data.confidence };
  } catch (error) {
    // A worker that timed out or crashed may be wedged: start afresh next time.
    await terminateOcrWorker();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The text in an image (encoded JPEG/PNG/TIFF/WebP bytes, or raw pixels). */
export async function recognizeText(input: OcrInput): Promise<OcrText> {
  const image = await prepareForOcr(input);
  const run = queue.then(() => recognizeNow(image));
  queue = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    scheduleIdleShutdown();
  }
}

/** Closes the shared worker (on shutdown, and in tests' afterAll). Safe to call at any time. */
export async function terminateOcrWorker(): Promise<void> {
  clearTimeout(idleTimer);
  const pending = workerPromise;
  workerPromise = undefined;
  if (!pending) return;
  // A worker that failed to start is already gone; one still starting is closed when it arrives.
  const closed = pending.then((worker) => worker.terminate()).then(
    () => undefined,
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, TERMINATE_WAIT_MS);
    timer.unref();
  });
  try {
    await Promise.race([closed, givenUp]);
  } finally {
    clearTimeout(timer);
  }
}
