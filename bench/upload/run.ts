// `npm run bench:upload`: what MedVault's upload path costs compared with a
// plain SAS block upload of the same bytes, on a throwaway database and an
// Azurite of its own (both removed at the end, also on failure or Ctrl-C).
//
//   MedVault: issueUploadSlot -> the browser uploader's own block code
//             (components/records/upload: same block size, same parallelism,
//             same @azure/storage-blob calls) through the slot's SAS -> finalizeUpload
//             (then, timed apart: the hash-record job finalize enqueued, which the
//             worker runs in the background after the user already has the record)
//   Plain:    the same blocks, same block size and parallelism, through a
//             create+write blob SAS, then Put Block List. No slot, no finalize.
//
// Bytes are generated block by block (one 8 MiB template plus a per-block
// header), so even the 1 GiB file never sits in memory.
//
//   npm run bench:upload                       100 MiB and 1 GiB, one round each
//   npm run bench:upload -- --sizes=100 --rounds=3   sizes in MiB
//
// Tooling, not app code: it wires process.env for the app modules it imports.
import { randomBytes } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";

const MiB = 1024 * 1024;

function parseArgs(argv: string[]): { sizesMiB: number[]; rounds: number } {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizesMiB = (value("sizes") ?? "100,1024").split(",").map(Number);
  const rounds = Number(value("rounds") ?? "1");
  if (sizesMiB.some((size) => !Number.isInteger(size) || size < 1 || size > 2048) || !Number.isInteger(rounds) || rounds < 1 || rounds > 10) {
    throw new Error("--sizes takes whole MiB between 1 and 2048 (the imaging limit is 2 GiB), --rounds 1..10");
  }
  return { sizesMiB, rounds };
}

/**
 * A File stand-in for the browser uploader: `size` and `slice(start, end)`,
 * which is all uploadFileBlocks reads. Each slice is built on demand from a
 * random template, so memory stays at a few blocks. The first bytes are a
 * DICOM preamble and "DICM", so finalize accepts it as application/dicom.
 */
function generatedFile(size: number, template: Buffer): { size: number; slice(start: number, end: number): Blob } {
  return {
    size,
    slice(start: number, end: number) {
      const chunk = Buffer.allocUnsafe(end - start);
      for (let at = 0; at < chunk.length; ) {
        const offset = (start + at) % template.length;
        at += template.copy(chunk, at, offset, Math.min(template.length, offset + chunk.length - at));
      }
      // Every block differs from the others (a storage layer that deduplicates must not flatter us).
      chunk.writeUInt32LE(start / MiB, Math.min(chunk.length - 4, 200));
      if (start === 0) {
        chunk.fill(0, 0, 128);
        chunk.write("DICM", 128, "latin1");
      }
      // Node's @azure/storage-blob takes a Buffer where the browser passes a Blob slice.
      return chunk as unknown as Blob;
    },
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (bytes: number, ms: number) => bytes / MiB / (ms / 1000);

async function main(): Promise<void> {
  const { sizesMiB, rounds } = parseArgs(process.argv.slice(2));
  const { Cleanup } = await import("../../tests/setup/cleanup");
  const { startBenchStack } = await import("../support/stack");
  const cleanup = new Cleanup();
  const log = (line: string) => console.log(`[bench:upload] ${line}`);
  let interrupted = false;
  // SIGTERM too (`timeout`, `kill`): without it Azurite outlived the script.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      interrupted = true;
      void cleanup.runAll(log).finally(() => process.exit(code));
    });
  }

  try {
    const stack = await startBenchStack({ cleanup, label: "bench" });
    // The app modules read these on first use; set before importing them.
    Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: stack.databaseUrl, AZURE_STORAGE_CONNECTION_STRING: stack.azureStorageConnectionString, LOG_LEVEL: "warn" });
    const { db } = await import("../../lib/db");
    cleanup.add("disconnect", () => db.$disconnect());
    const { recordsContainer } = await import("../../lib/storage/blob-service");
    await recordsContainer().createIfNotExists();
    const { issueUploadSlot, UPLOAD_BLOCK_SIZE } = await import("../../lib/records/issue-upload-slot");
    const { finalizeUpload } = await import("../../lib/records/finalize-upload");
    const { uploadSasUrl } = await import("../../lib/records/record-blobs");
    const { hashRecord } = await import("../../lib/records/jobs/hash-record-job");
    const { blockTargetFor } = await import("../../components/records/upload/blob-client");
    const { uploadFileBlocks } = await import("../../components/records/upload/upload-file-blocks");

    const patient = await db.user.create({ data: { email: `bench-${randomBytes(4).toString("hex")}@example.test`, role: "PATIENT", status: "ACTIVE", emailVerified: new Date() } });
    const actor = { id: patient.id, role: patient.role };
    const context = { ipAddress: null, userAgent: "bench:upload" };
    const template = randomBytes(UPLOAD_BLOCK_SIZE);
    // No `parallel`: uploadFileBlocks' default is what the browser uses.
    const blocks = (file: ReturnType<typeof generatedFile>, uploadUrl: string) =>
      uploadFileBlocks({
        file: file as unknown as Blob,
        blockSize: UPLOAD_BLOCK_SIZE,
        contentType: "application/dicom",
        target: blockTargetFor(uploadUrl),
        staged: new Set(),
        signal: new AbortController().signal,
        expiresAt: Date.now() + 60 * 60_000,
        onProgress: () => undefined,
      });

    log(`node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 1024 ** 3)} GiB RAM; Azurite 3.35 in its own process, data on local disk`);
    const load = () => loadavg().map((value) => value.toFixed(2)).join(" / ");
    log(`load average at start (1/5/15 min): ${load()} (the machine is shared)`);
    log(`block size ${UPLOAD_BLOCK_SIZE / MiB} MiB, parallel blocks: the uploader's default`);
    const rows: string[] = [];
    let peakRss = 0;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    sample.unref();

    for (const sizeMiB of sizesMiB) {
      for (let round = 1; round <= rounds && !interrupted; round += 1) {
        const size = sizeMiB * MiB;
        const file = generatedFile(size, template);

        // Plain: a blob SAS straight from the account key, same blocks.
        const plainName = `bench/plain-${randomBytes(6).toString("hex")}`;
        const plain = async () => {
          const start = performance.now();
          await blocks(file, await uploadSasUrl({ blobName: plainName, expiresOn: new Date(Date.now() + 60 * 60_000) }));
          return performance.now() - start;
        };
        // Odd rounds measure plain first, even rounds MedVault first: neither gets the warmer disk cache every time.
        let plainMs = round % 2 === 1 ? await plain() : 0;

        // MedVault: slot, the same blocks through the slot's SAS, finalize.
        const slotStart = performance.now();
        const slot = await issueUploadSlot({ actor, input: { patientId: actor.id, fileName: "bench.dcm", declaredType: "application/dicom", declaredSize: size }, context });
        const slotMs = performance.now() - slotStart;
        const transferStart = performance.now();
        await blocks(file, slot.uploadUrl);
        const transferMs = performance.now() - transferStart;
        const finalizeStart = performance.now();
        const result = await finalizeUpload({ actor, slotId: slot.slotId, context });
        const finalizeMs = performance.now() - finalizeStart;
        if (result.outcome !== "ready") throw new Error(`finalize rejected the file: ${result.reason}`);
        const totalMs = slotMs + transferMs + finalizeMs;
        // The background SHA-256, run here as the worker would (not part of the user's wait).
        const hashJob = await db.job.findFirstOrThrow({ where: { type: "hash-record", payload: { path: ["recordId"], equals: result.record.id } } });
        const hashStart = performance.now();
        const hashed = await hashRecord(hashJob.payload as { recordId: string; etag: string });
        const hashMs = performance.now() - hashStart;
        if (hashed.outcome !== "stored") throw new Error(`hash job: ${hashed.outcome}`);
        if (round % 2 === 0) plainMs = await plain();

        const line =
          `${sizeMiB} MiB round ${round}: plain ${rate(size, plainMs).toFixed(1)} MiB/s (${seconds(plainMs)} s); ` +
          `MedVault end to end ${rate(size, totalMs).toFixed(1)} MiB/s (${seconds(totalMs)} s = slot ${slotMs.toFixed(0)} ms + blocks ${seconds(transferMs)} s + finalize ${seconds(finalizeMs)} s); ` +
          `ratio end to end ${(plainMs / totalMs).toFixed(3)}, blocks only ${(plainMs / transferMs).toFixed(3)}; background hash job ${seconds(hashMs)} s`;
        log(line);
        rows.push(
          `| ${sizeMiB} MiB | ${round} | ${rate(size, plainMs).toFixed(1)} | ${rate(size, transferMs).toFixed(1)} | ${rate(size, totalMs).toFixed(1)} | ${(plainMs / totalMs).toFixed(3)} | ${slotMs.toFixed(0)} ms | ${(finalizeMs).toFixed(0)} ms | ${seconds(hashMs)} s |`,
        );
        // Keep the disk from filling over several rounds: the bytes are not needed any more.
        await recordsContainer().getBlockBlobClient(plainName).deleteIfExists();
      }
    }
    clearInterval(sample);
    console.log("\n| size | round | plain MiB/s | MedVault blocks MiB/s | MedVault end to end MiB/s | ratio (end to end / plain) | slot | finalize | hash job (background) |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
    log(`load average at the end (1/5/15 min): ${load()}`);
    console.log(`\npeak RSS of the bench client process (Azurite runs apart): ${Math.round(peakRss / MiB)} MiB`);
  } finally {
    await cleanup.runAll(log);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
