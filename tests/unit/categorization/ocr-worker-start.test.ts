// A tesseract worker whose start never settles must not hold OCR up forever:
// the image's timeout covers the start, the next image gets a new worker, and
// closing does not wait for the stuck one. Tesseract is replaced here (its
// worker starts cannot be made to hang on purpose); sharp's image preparation
// is real.
import sharp from "sharp";
import { recognizeText, terminateOcrWorker } from "@/lib/categorization/extract/ocr";

interface FakeWorker {
  setParameters: jest.Mock;
  recognize: jest.Mock;
  terminate: jest.Mock;
}

const mockStarts: Array<{ resolve: (worker: FakeWorker) => void }> = [];

jest.mock("tesseract.js", () => ({
  OEM: { LSTM_ONLY: 1 },
  createWorker: jest.fn(() => new Promise((resolve) => mockStarts.push({ resolve }))),
}));

const fakeWorker = (text: string): FakeWorker => ({
  setParameters: jest.fn(async () => undefined),
  recognize: jest.fn(async () => ({ data: { text, confidence: 91 } })),
  terminate: jest.fn(async () => undefined),
});

/** Lets sharp (native threads) and promise chains run until the nth worker start has been asked for. */
async function untilStarts(count: number) {
  for (let turn = 0; mockStarts.length < count; turn += 1) {
    if (turn > 10_000) throw new Error(`worker start ${count} was never asked for`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let page: Buffer;

beforeAll(async () => {
  page = await sharp({ create: { width: 40, height: 20, channels: 3, background: "white" } }).png().toBuffer();
});

beforeEach(() => {
  mockStarts.length = 0;
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
});

afterEach(async () => {
  const closing = terminateOcrWorker();
  await jest.advanceTimersByTimeAsync(5_000);
  await closing;
  jest.useRealTimers();
});

describe("OCR when the tesseract worker never starts", () => {
  it("fails that image after the timeout, and the next image starts a worker of its own", async () => {
    const first = recognizeText(page);
    const firstOutcome = first.then(
      () => "recognized",
      (error: Error) => error.message,
    );
    await untilStarts(1);
    // 90 s for the image, then up to 5 s closing the stuck worker.
    await jest.advanceTimersByTimeAsync(95_000);
    expect(await firstOutcome).toBe("OCR timed out");

    const second = recognizeText(page);
    await untilStarts(2);
    const working = fakeWorker("CHOLESTEROL 182 mg/dL");
    mockStarts[1]!.resolve(working);
    await expect(second).resolves.toEqual({ text: "CHOLESTEROL 182 mg/dL", confidence: 91 });
    expect(working.recognize).toHaveBeenCalledTimes(1);

    // The stuck start arrives at last: that worker is closed, not kept.
    const late = fakeWorker("");
    mockStarts[0]!.resolve(late);
    await jest.advanceTimersByTimeAsync(0);
    expect(late.terminate).toHaveBeenCalledTimes(1);
    expect(late.recognize).not.toHaveBeenCalled();
  });

  it("closes without waiting for a start that never settles", async () => {
    const image = recognizeText(page).catch((error: Error) => error.message);
    await untilStarts(1);
    let closed = false;
    const closing = terminateOcrWorker().then(() => {
      closed = true;
    });
    await jest.advanceTimersByTimeAsync(4_999);
    expect(closed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await closing;
    expect(closed).toBe(true);
    // The image still in flight ends with the timeout rather than hanging.
    await jest.advanceTimersByTimeAsync(95_000);
    expect(await image).toBe("OCR timed out");
  });
});
