// Shared by the job queue tests: unique test-only job types (so runs and other
// suites sharing the database never see each other's jobs), registries that
// are not the app's, and workers that are always stopped after each test.
import { z } from "zod";
import { db } from "@/lib/db";
import { createJobRegistry, type PeriodicJob } from "@/lib/jobs/registry";
import { defineJob, type JobDefinition } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "@/lib/jobs/worker";
import { uniqueToken } from "@/tests/factories/clinicians";

export const uniqueJobType = (name: string) => `test-${name}-${uniqueToken()}`;

export function testRegistry(jobs: JobDefinition[], periodic: PeriodicJob[] = []) {
  return createJobRegistry({ jobs, periodic });
}

const running: RunningWorker[] = [];

/** A job type that notes who ran it ("workerId#attempt"), its registry, and one job of it queued. */
export async function queuedRecordingJob(name: string) {
  const type = uniqueJobType(name);
  const runs: string[] = [];
  const job = defineJob({ type, payload: z.object({ label: z.string() }), handler: async (_payload, ctx) => void runs.push(`${ctx.workerId}#${ctx.attempt}`) });
  const registry = testRegistry([job]);
  const { id } = await enqueueJob({ type, payload: { label: "resilience" }, registry });
  return { type, runs, registry, id };
}

export function startTestWorker(options: Partial<StartWorkerOptions> & Pick<StartWorkerOptions, "registry">): RunningWorker {
  const worker = startWorker({ concurrency: 1, pollIntervalMs: 20, shutdownTimeoutMs: 5_000, ...options });
  running.push(worker);
  return worker;
}

export async function stopTestWorkers(): Promise<void> {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.what ?? "condition"}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const jobRow = (id: string) => db.job.findUniqueOrThrow({ where: { id: BigInt(id) } });

/** Postgres' clock as UTC wall time, the reference the queue uses for runAt and locks. */
export async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT (now() AT TIME ZONE 'UTC') AS "now"`;
  return row!.now;
}
