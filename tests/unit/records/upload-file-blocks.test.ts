import type { BlockTarget } from "@/components/records/upload/blob-client";
import { blockId } from "@/components/records/upload/upload-blocks";
import { BlocksInterruptedError, SlotExpiredError, uploadFileBlocks, type UploadFileBlocksOptions } from "@/components/records/upload/upload-file-blocks";

function fakeTarget(options: { failures?: Map<string, number> } = {}) {
  const staged: string[] = [];
  const committed: string[][] = [];
  const failures = options.failures ?? new Map<string, number>();
  const target: BlockTarget = {
    async stageBlock(id, body, length, { onProgress }) {
      expect(body.size).toBe(length);
      const left = failures.get(id) ?? 0;
      if (left > 0) {
        failures.set(id, left - 1);
        throw new Error("network");
      }
      onProgress(length);
      staged.push(id);
    },
    async commitBlockList(ids) {
      committed.push(ids);
    },
  };
  return { target, staged, committed };
}

const file = new Blob([new Uint8Array(20)]);
const base = (target: BlockTarget, overrides: Partial<UploadFileBlocksOptions> = {}): UploadFileBlocksOptions => ({
  file,
  blockSize: 8,
  contentType: "application/pdf",
  target,
  staged: new Set(),
  signal: new AbortController().signal,
  expiresAt: Date.now() + 60_000,
  onProgress: () => {},
  retryBaseMs: 1,
  ...overrides,
});

describe("uploadFileBlocks", () => {
  it("stages every block and commits them in order", async () => {
    const { target, staged, committed } = fakeTarget();
    const progress: number[] = [];
    await uploadFileBlocks(base(target, { onProgress: (loaded) => progress.push(loaded) }));
    expect([...staged].sort()).toEqual([blockId(0), blockId(1), blockId(2)].sort());
    expect(committed).toEqual([[blockId(0), blockId(1), blockId(2)]]);
    expect(progress.at(-1)).toBe(20);
  });

  it("sends only the missing blocks on resume", async () => {
    const { target, staged, committed } = fakeTarget();
    await uploadFileBlocks(base(target, { staged: new Set([0, 2]) }));
    expect(staged).toEqual([blockId(1)]);
    expect(committed[0]).toHaveLength(3);
  });

  it("retries a failed block with backoff", async () => {
    const { target, staged } = fakeTarget({ failures: new Map([[blockId(1), 2]]) });
    await uploadFileBlocks(base(target));
    expect(staged).toContain(blockId(1));
  });

  it("gives up after three retries and keeps what was staged", async () => {
    const { target, committed } = fakeTarget({ failures: new Map([[blockId(2), 4]]) });
    const staged = new Set<number>();
    await expect(uploadFileBlocks(base(target, { staged, parallel: 1 }))).rejects.toBeInstanceOf(BlocksInterruptedError);
    expect([...staged]).toEqual([0, 1]);
    expect(committed).toEqual([]);
  });

  it("reports an expired slot instead of retrying", async () => {
    const { target } = fakeTarget({ failures: new Map([[blockId(0), 1]]) });
    await expect(uploadFileBlocks(base(target, { expiresAt: Date.now() - 1 }))).rejects.toBeInstanceOf(SlotExpiredError);
  });

  it("stops at once when aborted (pause)", async () => {
    const controller = new AbortController();
    const target: BlockTarget = {
      stageBlock: (_id, _body, _length, { abortSignal }) =>
        new Promise((_resolve, reject) => abortSignal.addEventListener("abort", () => reject(new Error("aborted")))),
      commitBlockList: jest.fn(),
    };
    const running = uploadFileBlocks(base(target, { signal: controller.signal }));
    controller.abort();
    await expect(running).rejects.toBeDefined();
    expect(target.commitBlockList).not.toHaveBeenCalled();
  });
});
