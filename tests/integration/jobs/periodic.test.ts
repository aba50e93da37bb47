// Periodic jobs: however many workers check at once, at most one job of the
// type is pending; the next run is due everyMs after the last completion.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { schedulePeriodic } from "@/lib/jobs/schedule-periodic";
import { sleep, startTestWorker, stopTestWorkers, testRegistry, uniqueJobType, waitFor } from "./job-test-kit";

afterEach(() => stopTestWorkers());
afterAll(() => db.$disconnect());

function sweepJob(onRun: () => void = () => undefined) {
  return defineJob({
    type: uniqueJobType("sweep"),
    payload: z.object({}).strict(),
    handler: async () => {
      onRun();
      await sleep(10);
    },
  });
}

describe("schedulePeriodic", () => {
  it("creates one pending job however many callers race", async () => {
    const job = sweepJob();
    const registry = testRegistry([job]);
    const results = await Promise.all(Array.from({ length: 10 }, () => schedulePeriodic({ type: job.type, everyMs: 60_000, registry })));
    expect(results.filter((result) => result.enqueued)).toHaveLength(1);
    expect(await db.job.count({ where: { type: job.type } })).toBe(1);
    expect((await schedulePeriodic({ type: job.type, everyMs: 60_000, registry })).enqueued).toBe(false);
  });

  it("schedules the next run everyMs after the last completion, and not behind a failed one", async () => {
    const job = sweepJob();
    const registry = testRegistry([job]);
    const completedAt = new Date(Date.now() - 1_000);
    await db.job.create({ data: { type: job.type, payload: {}, completedAt } });
    const { id } = await schedulePeriodic({ type: job.type, everyMs: 60_000, registry });
    expect((await db.job.findUniqueOrThrow({ where: { id: BigInt(id!) } })).runAt.getTime()).toBe(completedAt.getTime() + 60_000);

    // A failed run does not block the schedule (it stays visible to admins).
    await db.job.update({ where: { id: BigInt(id!) }, data: { failedAt: new Date() } });
    expect((await schedulePeriodic({ type: job.type, everyMs: 60_000, registry })).enqueued).toBe(true);
    expect(await db.job.count({ where: { type: job.type, completedAt: null, failedAt: null } })).toBe(1);
  });

  it("two workers keep a periodic job going without ever overlapping runs", async () => {
    let runs = 0;
    const job = sweepJob(() => {
      runs += 1;
    });
    const registry = testRegistry([job], [{ type: job.type, everyMs: 150 }]);
    startTestWorker({ registry, concurrency: 2, periodicCheckMs: 10, pollIntervalMs: 10 });
    startTestWorker({ registry, concurrency: 2, periodicCheckMs: 10, pollIntervalMs: 10 });
    for (let i = 0; i < 30; i += 1) {
      expect(await db.job.count({ where: { type: job.type, completedAt: null, failedAt: null } })).toBeLessThanOrEqual(1);
      await sleep(40);
    }
    await waitFor(async () => runs >= 3, { what: "three runs" });
    await stopTestWorkers();

    const jobs = await db.job.findMany({ where: { type: job.type }, orderBy: { id: "asc" } });
    expect(jobs.filter((row) => row.completedAt === null && row.failedAt === null).length).toBeLessThanOrEqual(1);
    const completed = jobs.filter((row) => row.completedAt);
    expect(completed.length).toBe(runs);
    // Each run is enqueued only after the previous one completed, and is due everyMs later.
    for (let i = 1; i < jobs.length; i += 1) {
      expect(jobs[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(jobs[i - 1]!.completedAt!.getTime());
      expect(jobs[i]!.runAt.getTime()).toBe(jobs[i - 1]!.completedAt!.getTime() + 150);
    }
  });
});
