// The worker against the real Postgres: each job runs once and completes,
// failures back off and end failed without payload content, workers never run
// a job twice, a dead worker's job is taken over, a bad payload fails fast, and
// stop() waits for running jobs (up to its bound).
import { retryDelayMs } from "@/lib/jobs/finish-job";
import { z } from "zod";
import { db } from "@/lib/db";
import { claimJob } from "@/lib/jobs/claim-job";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { runClaimedJob } from "@/lib/jobs/run-job";
import { databaseNow, jobRow, sleep, startTestWorker, stopTestWorkers, testRegistry, uniqueJobType, waitFor } from "./job-test-kit";

afterEach(() => stopTestWorkers());
afterAll(() => db.$disconnect());

const ZNoteSchema = z.object({ patientName: z.string(), diagnosis: z.string() });

function countingJob(options: { fail?: boolean; delayMs?: () => number; maxAttempts?: number; backoff?: { baseMs: number; maxMs: number } } = {}) {
  const runs = new Map<string, number>();
  const contexts: JobContext[] = [];
  const job = defineJob({
    type: uniqueJobType("count"),
    payload: ZNoteSchema,
    maxAttempts: options.maxAttempts,
    backoff: options.backoff,
    handler: async (payload, ctx) => {
      runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
      contexts.push(ctx);
      if (options.delayMs) await sleep(options.delayMs());
      if (options.fail) {
        const error = new Error(`Mail server refused ${payload.patientName}, about ${payload.diagnosis}\nsecond line ${payload.diagnosis}`);
        error.name = "DeliveryError";
        throw Object.assign(error, { code: "EREFUSED" });
      }
    },
  });
  return { job, runs, contexts, registry: testRegistry([job]) };
}

const payload = { patientName: "Ada Lovelace", diagnosis: "Type 2 diabetes mellitus" };

describe("worker", () => {
  it("runs a job once and marks it completed", async () => {
    const { job, runs, contexts, registry } = countingJob();
    const { id } = await enqueueJob({ type: job.type, payload, registry });
    startTestWorker({ registry, workerId: "worker-a" });

    const done = await waitFor(async () => (await jobRow(id)).completedAt, { what: "completion" });
    await sleep(200); // a second run would show up here
    expect(done).toBeInstanceOf(Date);
    expect(runs.get(id)).toBe(1);
    expect(contexts[0]).toMatchObject({ jobId: id, type: job.type, attempt: 1, maxAttempts: 8, workerId: "worker-a" });
    expect(await jobRow(id)).toMatchObject({ attempts: 1, lockedAt: null, lockedBy: null, failedAt: null, lastError: null });
  });

  it("retries a failing job with growing delays, then fails it after maxAttempts; lastError has no payload content", async () => {
    const backoff = { baseMs: 1_000, maxMs: 5_000 };
    const { job, runs, registry } = countingJob({ fail: true, maxAttempts: 4, backoff });
    const { id } = await enqueueJob({ type: job.type, payload, registry });
    // warn and error lines go to stderr; the calls pass through to it as usual.
    const logged = jest.spyOn(console, "error");
    const claimOnce = async () => {
      const claimed = await claimJob({ workerId: "worker-r", types: [job.type], lockTimeoutMs: 60_000 });
      expect(claimed?.id.toString()).toBe(id);
      return runClaimedJob({ job: claimed!, registry, workerId: "worker-r", lockTimeoutMs: 60_000, signal: new AbortController().signal });
    };

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await claimOnce()).toBe("retry");
      const [row, now] = [await jobRow(id), await databaseNow()];
      expect(row).toMatchObject({ attempts: attempt, lockedAt: null, lockedBy: null, failedAt: null });
      const delay = row.runAt.getTime() - now.getTime();
      const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2 - 100);
      expect(delay).toBeLessThanOrEqual(ceiling + 100);
      delays.push(delay);
      // Not due yet: nobody may claim it before its runAt.
      expect(await claimJob({ workerId: "worker-r", types: [job.type], lockTimeoutMs: 60_000 })).toBeNull();
      await db.job.update({ where: { id: BigInt(id) }, data: { runAt: new Date(Date.now() - 1_000) } });
    }
    // Jitter bands of neighbouring attempts may overlap, so compare the bounds, not two random draws.
    for (const edge of [0, 1]) {
      const bound = [1, 2, 3].map((attempt) => retryDelayMs(backoff, attempt, () => edge));
      expect(bound[1]).toBeGreaterThan(bound[0]);
      expect(bound[2]).toBeGreaterThanOrEqual(bound[1]);
    }

    expect(await claimOnce()).toBe("failed");
    const failed = await jobRow(id);
    expect(failed.failedAt).toBeInstanceOf(Date);
    expect(failed).toMatchObject({ attempts: 4, completedAt: null, lockedAt: null });
    expect(failed.lastError).toMatch(/^DeliveryError \[EREFUSED\]: Mail server refused/);
    expect(failed.lastError).not.toContain("Ada");
    expect(failed.lastError).not.toContain("diabetes");
    expect(failed.lastError).not.toContain("second line");
    expect(runs.get(id)).toBe(4);
    expect(await claimJob({ workerId: "worker-r", types: [job.type], lockTimeoutMs: 60_000 })).toBeNull();

    // The log names the error by name and code, never by its message.
    const lines = logged.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(`"jobId":"${id}"`));
    logged.mockRestore();
    expect(lines.map((line) => (JSON.parse(line) as { event: string; error?: string }).event)).toEqual(["job.retry_scheduled", "job.retry_scheduled", "job.retry_scheduled", "job.failed"]);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ error: "DeliveryError [EREFUSED]" });
    expect(lines.join("\n")).not.toMatch(/Ada|diabetes|refused/);
  });

  it("the worker loop itself retries and ends failed after maxAttempts runs", async () => {
    const { job, runs, registry } = countingJob({ fail: true, maxAttempts: 3, backoff: { baseMs: 5, maxMs: 50 } });
    const { id } = await enqueueJob({ type: job.type, payload, registry });
    startTestWorker({ registry });
    await waitFor(async () => (await jobRow(id)).failedAt, { what: "failure" });
    await sleep(150);
    expect(runs.get(id)).toBe(3);
    expect((await jobRow(id)).attempts).toBe(3);
  });

  it("two workers with two slots each run each of 50 jobs exactly once", async () => {
    const { job, runs, contexts, registry } = countingJob({ delayMs: () => Math.floor(Math.random() * 15) });
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => enqueueJob({ type: job.type, payload: { ...payload, patientName: `p${i}` }, registry }).then((r) => r.id)));
    startTestWorker({ registry, concurrency: 2, workerId: "worker-1", pollIntervalMs: 5 });
    startTestWorker({ registry, concurrency: 2, workerId: "worker-2", pollIntervalMs: 5 });

    await waitFor(async () => (await db.job.count({ where: { type: job.type, completedAt: { not: null } } })) === 50, { timeoutMs: 30_000, what: "50 completions" });
    await sleep(200);
    expect(runs.size).toBe(50);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(runs.keys())).toEqual(new Set(ids));
    expect(await db.job.count({ where: { type: job.type, attempts: 1 } })).toBe(50);
    // Both workers took part (50 jobs, random handler times).
    expect(new Set(contexts.map((ctx) => ctx.workerId))).toEqual(new Set(["worker-1", "worker-2"]));
  });

  it("takes over a job whose worker died (stale lock), but not one that is freshly locked", async () => {
    const { job, runs, contexts, registry } = countingJob();
    const stale = await enqueueJob({ type: job.type, payload, registry });
    const fresh = await enqueueJob({ type: job.type, payload, registry });
    const now = await databaseNow();
    await db.job.update({ where: { id: BigInt(stale.id) }, data: { lockedAt: new Date(now.getTime() - 10 * 60_000), lockedBy: "dead-worker", attempts: 1 } });
    await db.job.update({ where: { id: BigInt(fresh.id) }, data: { lockedAt: now, lockedBy: "busy-worker", attempts: 1 } });

    startTestWorker({ registry, workerId: "rescuer", lockTimeoutMs: 5 * 60_000 });
    await waitFor(async () => (await jobRow(stale.id)).completedAt, { what: "takeover" });
    await sleep(200);
    expect(runs.get(stale.id)).toBe(1);
    expect(contexts.find((ctx) => ctx.jobId === stale.id)).toMatchObject({ attempt: 2, workerId: "rescuer" });
    expect(await jobRow(stale.id)).toMatchObject({ attempts: 2, lockedBy: null });
    expect(runs.has(fresh.id)).toBe(false);
    expect(await jobRow(fresh.id)).toMatchObject({ lockedBy: "busy-worker", completedAt: null });
  });

  it("fails a job whose worker died on its last attempt instead of running it again", async () => {
    const { job, runs, registry } = countingJob({ maxAttempts: 2 });
    const { id } = await enqueueJob({ type: job.type, payload, registry });
    const now = await databaseNow();
    await db.job.update({ where: { id: BigInt(id) }, data: { lockedAt: new Date(now.getTime() - 10 * 60_000), lockedBy: "dead-worker", attempts: 2 } });
    startTestWorker({ registry, lockTimeoutMs: 60_000 });
    const row = await waitFor(async () => {
      const current = await jobRow(id);
      return current.failedAt ? current : null;
    }, { what: "failure" });
    expect(row.lastError).toMatch(/^WorkerLost/);
    expect(runs.size).toBe(0);
  });

  it("fails a job with an invalid payload at once, without running it, naming paths not values", async () => {
    const { job, runs, registry } = countingJob();
    // Written around enqueueJob, as an older release or a hand edit could have.
    const row = await db.job.create({ data: { type: job.type, payload: { patientName: "Grace Hopper", diagnosis: 42 } } });
    const id = row.id.toString();
    startTestWorker({ registry });
    const failed = await waitFor(async () => {
      const current = await jobRow(id);
      return current.failedAt ? current : null;
    }, { what: "failure" });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/^InvalidPayload: invalid_type at diagnosis/);
    expect(failed.lastError).not.toContain("Grace");
    expect(failed.lastError).not.toContain("42");
    expect(runs.size).toBe(0);
  });

  it("keeps the lock of a long job fresh, so a second worker does not take it over", async () => {
    const { job, runs, registry } = countingJob({ delayMs: () => 3_500 });
    const { id } = await enqueueJob({ type: job.type, payload, registry });
    startTestWorker({ registry, workerId: "slow", lockTimeoutMs: 1_500 });
    await waitFor(async () => (await jobRow(id)).lockedBy === "slow", { what: "claim" });
    startTestWorker({ registry, workerId: "eager", lockTimeoutMs: 1_500 });
    await waitFor(async () => (await jobRow(id)).completedAt, { what: "completion" });
    expect(runs.get(id)).toBe(1);
    expect((await jobRow(id)).attempts).toBe(1);
  });

  it("stop() waits for a running job to finish and claims nothing new", async () => {
    const { job, runs, registry } = countingJob({ delayMs: () => 400 });
    const first = await enqueueJob({ type: job.type, payload, registry });
    const worker = startTestWorker({ registry });
    await waitFor(async () => runs.get(first.id), { what: "start" });
    const second = await enqueueJob({ type: job.type, payload, registry });
    await worker.stop();
    expect((await jobRow(first.id)).completedAt).toBeInstanceOf(Date);
    await sleep(100);
    expect(runs.has(second.id)).toBe(false);
    expect(await jobRow(second.id)).toMatchObject({ attempts: 0, lockedBy: null });
  });

  it("stop() is bounded: it aborts the signal of a job that overruns the shutdown timeout", async () => {
    let aborted = false;
    const job = defineJob({
      type: uniqueJobType("hang"),
      payload: z.object({}),
      handler: (_payload, ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener("abort", () => {
            aborted = true;
            resolve(undefined);
          });
        }),
    });
    const registry = testRegistry([job]);
    const { id } = await enqueueJob({ type: job.type, payload: {}, registry });
    const worker = startTestWorker({ registry, shutdownTimeoutMs: 150 });
    await waitFor(async () => (await jobRow(id)).lockedAt, { what: "claim" });
    const started = Date.now();
    await worker.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(aborted).toBe(true);
  });
});
