import { blockCount, blockId, blockIds, blockRange, blockRanges, missingBlocks, percentOf, retryDelayMs, stagedBytes } from "@/components/records/upload/upload-blocks";

const MiB = 1024 ** 2;

describe("block ranges", () => {
  it("splits a file into full blocks and a short last one", () => {
    expect(blockRanges(20 * MiB, 8 * MiB)).toEqual([
      { index: 0, start: 0, end: 8 * MiB },
      { index: 1, start: 8 * MiB, end: 16 * MiB },
      { index: 2, start: 16 * MiB, end: 20 * MiB },
    ]);
  });

  it("uses exactly size / blockSize blocks when the size is a multiple", () => {
    expect(blockCount(16 * MiB, 8 * MiB)).toBe(2);
    expect(blockRange(1, 16 * MiB, 8 * MiB)).toEqual({ index: 1, start: 8 * MiB, end: 16 * MiB });
  });

  it("covers every byte once, without gaps or overlaps", () => {
    for (const [size, blockSize] of [[1, 8], [7, 8], [8, 8], [9, 8], [1000, 7], [2 * 1024 ** 3, 8 * MiB]] as const) {
      const ranges = blockRanges(size, blockSize);
      expect(ranges[0]!.start).toBe(0);
      expect(ranges.at(-1)!.end).toBe(size);
      ranges.slice(1).forEach((range, i) => expect(range.start).toBe(ranges[i]!.end));
      expect(ranges.every((range) => range.end - range.start <= blockSize && range.end > range.start)).toBe(true);
    }
  });

  it("gives a small file one block", () => {
    expect(blockRanges(5, 8 * MiB)).toEqual([{ index: 0, start: 0, end: 5 }]);
  });

  it("refuses a block outside the file and a nonsensical block size", () => {
    expect(() => blockRange(3, 20, 8)).toThrow(RangeError);
    expect(() => blockRange(-1, 20, 8)).toThrow(RangeError);
    expect(() => blockCount(10, 0)).toThrow(RangeError);
  });
});

describe("block ids", () => {
  it("are base64 of equal length, unique and in order", () => {
    const ids = blockIds(2 * 1024 ** 3, 8 * MiB);
    expect(ids).toHaveLength(256);
    expect(new Set(ids).size).toBe(256);
    expect(new Set(ids.map((id) => id.length)).size).toBe(1);
    expect(atob(ids[0]!)).toBe("block-000000");
    expect(atob(ids[255]!)).toBe("block-000255");
    expect(ids[7]).toBe(blockId(7));
  });

  it("refuses indexes Azure could not hold in a fixed-length id", () => {
    expect(() => blockId(1_000_000)).toThrow(RangeError);
    expect(() => blockId(1.5)).toThrow(RangeError);
  });
});

describe("resume", () => {
  it("lists only the blocks not yet staged", () => {
    const missing = missingBlocks(40, 8, new Set([0, 2, 3]));
    expect(missing.map((range) => range.index)).toEqual([1, 4]);
  });

  it("counts the bytes already staged, including a short last block", () => {
    expect(stagedBytes(20, 8, new Set([0, 2]))).toBe(12);
    expect(stagedBytes(20, 8, new Set())).toBe(0);
  });
});

describe("progress and backoff", () => {
  it("reports whole percent and 100 only when complete", () => {
    expect(percentOf(0, 200)).toBe(0);
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(200, 200)).toBe(100);
  });

  it("doubles the wait per attempt, capped", () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(10)).toBe(15_000);
  });
});
