// Sends one file's bytes straight to blob storage: stages the blocks that are
// still missing (a few at a time), retries a failed block with backoff, then
// commits the block list. `staged` is the caller's memory of finished blocks,
// so a pause (abort) followed by another call only sends what is missing.
import type { BlockTarget } from "./blob-client";
import { blockId, blockIds, missingBlocks, retryDelayMs, stagedBytes, type BlockRange } from "./upload-blocks";

/** Retries were used up: the connection is probably gone. */
export class BlocksInterruptedError extends Error {
  constructor() {
    super("upload interrupted");
    this.name = "BlocksInterruptedError";
  }
}

/** The SAS ran out: only a new slot (and starting over) helps. */
export class SlotExpiredError extends Error {
  constructor() {
    super("upload slot expired");
    this.name = "SlotExpiredError";
  }
}

export interface UploadFileBlocksOptions {
  file: Blob;
  blockSize: number;
  contentType: string;
  target: BlockTarget;
  /** Indexes of blocks already staged; updated as blocks finish. */
  staged: Set<number>;
  signal: AbortSignal;
  /** When the SAS stops working (ms since epoch). */
  expiresAt: number;
  onProgress: (loadedBytes: number) => void;
  parallel?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  now?: () => number;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("Aborted", "AbortError");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Runs `attempt` until it succeeds, retrying up to maxRetries times with backoff. */
async function withRetries(options: UploadFileBlocksOptions, signal: AbortSignal, attempt: () => Promise<void>): Promise<void> {
  const { maxRetries = 3, retryBaseMs = 1000, now = Date.now } = options;
  for (let retry = 0; ; retry += 1) {
    try {
      await attempt();
      return;
    } catch {
      if (signal.aborted) throw abortError(signal);
      if (now() >= options.expiresAt) throw new SlotExpiredError();
      if (retry >= maxRetries) throw new BlocksInterruptedError();
      await sleep(retryDelayMs(retry + 1, retryBaseMs), signal);
    }
  }
}

export async function uploadFileBlocks(options: UploadFileBlocksOptions): Promise<void> {
  const { file, blockSize, target, staged, signal } = options;
  const size = file.size;
  const inFlight = new Map<number, number>();
  const report = () => {
    let loaded = stagedBytes(size, blockSize, staged);
    for (const bytes of inFlight.values()) loaded += bytes;
    options.onProgress(Math.min(size, loaded));
  };

  // One failing block stops its siblings; the outer signal stops everything.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(abortError(signal));
  if (signal.aborted) throw abortError(signal);
  signal.addEventListener("abort", onOuterAbort, { once: true });

  const pending: BlockRange[] = missingBlocks(size, blockSize, staged);
  report();
  const worker = async () => {
    for (let range = pending.shift(); range; range = pending.shift()) {
      const current = range;
      await withRetries(options, stop.signal, async () => {
        inFlight.set(current.index, 0);
        try {
          await target.stageBlock(blockId(current.index), file.slice(current.start, current.end), current.end - current.start, {
            abortSignal: stop.signal,
            onProgress: (loadedBytes) => {
              inFlight.set(current.index, Math.min(loadedBytes, current.end - current.start));
              report();
            },
          });
          staged.add(current.index);
        } finally {
          inFlight.delete(current.index);
          report();
        }
      });
    }
  };

  try {
    const workers = Array.from({ length: Math.max(1, Math.min(options.parallel ?? 3, pending.length)) }, () =>
      worker().catch((error: unknown) => {
        if (!stop.signal.aborted) stop.abort(error);
        throw error;
      }),
    );
    const results = await Promise.allSettled(workers);
    if (signal.aborted) throw abortError(signal);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failure) throw failure.reason;
    await withRetries(options, stop.signal, () => target.commitBlockList(blockIds(size, blockSize), { abortSignal: stop.signal, contentType: options.contentType }));
  } finally {
    signal.removeEventListener("abort", onOuterAbort);
  }
}
