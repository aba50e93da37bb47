// Pure arithmetic of a block upload: which byte ranges make up a file, the id
// of each block, which blocks are still missing after a pause, and how long to
// wait before retrying one. No I/O, so it is unit-tested on its own.

export interface BlockRange {
  index: number;
  /** First byte (inclusive). */
  start: number;
  /** Last byte + 1 (exclusive). */
  end: number;
}

/** How many blocks a file of `size` bytes needs. An empty file still commits one (empty) block. */
export function blockCount(size: number, blockSize: number): number {
  if (!Number.isInteger(blockSize) || blockSize <= 0) throw new RangeError("blockSize must be a positive integer");
  if (size <= 0) return 1;
  return Math.ceil(size / blockSize);
}

/** The byte range of block `index`. */
export function blockRange(index: number, size: number, blockSize: number): BlockRange {
  const count = blockCount(size, blockSize);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`block ${index} is outside 0..${count - 1}`);
  const start = index * blockSize;
  return { index, start, end: Math.min(size, start + blockSize) };
}

/** Every block of the file, in order. */
export function blockRanges(size: number, blockSize: number): BlockRange[] {
  return Array.from({ length: blockCount(size, blockSize) }, (_, index) => blockRange(index, size, blockSize));
}

/**
 * The block id Azure stores for block `index`: base64 of a fixed-length string,
 * because every id of one blob must have the same length before encoding.
 */
export function blockId(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 999_999) throw new RangeError("block index out of range");
  return btoa(`block-${String(index).padStart(6, "0")}`);
}

/** All block ids in commit order. */
export function blockIds(size: number, blockSize: number): string[] {
  return Array.from({ length: blockCount(size, blockSize) }, (_, index) => blockId(index));
}

/** Blocks not yet staged, in order: what a resume still has to send. */
export function missingBlocks(size: number, blockSize: number, staged: ReadonlySet<number>): BlockRange[] {
  return blockRanges(size, blockSize).filter((range) => !staged.has(range.index));
}

/** Bytes of the blocks already staged. */
export function stagedBytes(size: number, blockSize: number, staged: ReadonlySet<number>): number {
  let total = 0;
  for (const index of staged) {
    const { start, end } = blockRange(index, size, blockSize);
    total += end - start;
  }
  return total;
}

/** Whole percent, 0..100, never 100 before every byte is there. */
export function percentOf(loaded: number, total: number): number {
  if (total <= 0) return loaded > 0 ? 100 : 0;
  if (loaded >= total) return 100;
  return Math.min(99, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** Wait before retry `attempt` (1-based): 1 s, 2 s, 4 s ... capped at 15 s. */
export function retryDelayMs(attempt: number, baseMs = 1000): number {
  return Math.min(15_000, baseMs * 2 ** Math.max(0, attempt - 1));
}
