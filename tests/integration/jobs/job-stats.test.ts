// The admin view and actions: counts per type and status, the latest failures
// without payload content, retry of a failed job (audited), and the built-in purge.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { getJobStats } from "@/lib/jobs/job-stats";
import { purgeCompletedJobs } from "@/lib/jobs/purge-completed-jobs";
import { retryFailedJob } from "@/lib/jobs/retry-failed-job";
import { createAdminUser } from "@/tests/factories/clinicians";
import { createUser, testContext } from "@/tests/factories/users";
import { jobRow, startTestWorker, stopTestWorkers, testRegistry, uniqueJobType, waitFor } from "./job-test-kit";

afterEach(() => stopTestWorkers());
afterAll(() => db.$disconnect());

function flakyJob() {
  let failing = true;
  const job = defineJob({
    type: uniqueJobType("flaky"),
    payload: z.object({ recordTitle: z.string() }),
    maxAttempts: 2,
    backoff: { baseMs: 5, maxMs: 10 },
    handler: async (payload) => {
      if (failing) throw new Error(`Indexer rejected ${payload.recordTitle}`);
    },
  });
  return { job, registry: testRegistry([job]), heal: () => (failing = false) };
}

describe("job stats and retry", () => {
  it("counts per type and status; lists failures with a sanitized error", async () => {
    const admin = await createAdminUser();
    const { job, registry } = flakyJob();
    const failing = await enqueueJob({ type: job.type, payload: { recordTitle: "MRI brain with contrast" }, registry });
    await enqueueJob({ type: job.type, payload: { recordTitle: "later" }, runAt: new Date(Date.now() + 60 * 60_000), registry });
    const done = await db.job.create({ data: { type: job.type, payload: {}, completedAt: new Date(), attempts: 1 } });
    await db.job.create({ data: { type: job.type, payload: {}, lockedAt: new Date(), lockedBy: "someone", attempts: 1, runAt: new Date(Date.now() - 1_000) } });
    startTestWorker({ registry });
    await waitFor(async () => (await jobRow(failing.id)).failedAt, { what: "failure" });
    await stopTestWorkers();

    const stats = await getJobStats({ adminId: admin.id });
    expect(stats.counts.find((row) => row.type === job.type)).toEqual({ type: job.type, queued: 1, retrying: 0, running: 1, completed: 1, failed: 1 });
    const row = stats.failed.find((failed) => failed.id === failing.id);
    expect(row).toMatchObject({ type: job.type, attempts: 2, maxAttempts: 2 });
    expect(row?.lastError).toBe("Error: Indexer rejected [redacted]");
    expect(stats.failed.some((failed) => failed.id === done.id.toString())).toBe(false);
  });

  it("retryFailedJob resets a failed job, audits it, and the job then runs", async () => {
    const admin = await createAdminUser();
    const { job, registry, heal } = flakyJob();
    const { id } = await enqueueJob({ type: job.type, payload: { recordTitle: "Lab panel" }, registry });
    const worker = startTestWorker({ registry });
    await waitFor(async () => (await jobRow(id)).failedAt, { what: "failure" });
    await worker.stop();

    heal();
    expect(await retryFailedJob({ adminId: admin.id, id, context: testContext })).toEqual({ outcome: "retried" });
    expect(await jobRow(id)).toMatchObject({ failedAt: null, attempts: 0, lockedAt: null, lockedBy: null });
    const events = await db.auditEvent.findMany({ where: { action: "admin.job_retried", targetId: id } });
    expect(events).toEqual([expect.objectContaining({ outcome: "ALLOWED", actorId: admin.id, targetType: "job" })]);

    startTestWorker({ registry });
    await waitFor(async () => (await jobRow(id)).completedAt, { what: "completion after retry" });
    expect((await jobRow(id)).attempts).toBe(1);
    // Not failed any more: nothing to retry.
    expect(await retryFailedJob({ adminId: admin.id, id, context: testContext })).toEqual({ outcome: "not_failed" });
  });

  it("refuses non-admins (audited) and answers NOT_FOUND for unknown or malformed ids", async () => {
    const admin = await createAdminUser();
    const { user: patient } = await createUser({ role: "PATIENT", password: null });
    const { job } = flakyJob();
    const row = await db.job.create({ data: { type: job.type, payload: {}, failedAt: new Date(), attempts: 2 } });
    const id = row.id.toString();

    await expect(retryFailedJob({ adminId: patient.id, id, context: testContext })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getJobStats({ adminId: patient.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await jobRow(id)).failedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "admin.job_retried", targetId: id, outcome: "DENIED" } })).toBe(1);

    await expect(retryFailedJob({ adminId: admin.id, id: "999999999999", context: testContext })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryFailedJob({ adminId: admin.id, id: "1 OR 1=1", context: testContext })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("purge-completed-jobs deletes completed jobs older than a week only", async () => {
    const type = uniqueJobType("purge");
    const old = await db.job.create({ data: { type, payload: {}, completedAt: new Date(Date.now() - 8 * 24 * 60 * 60_000) } });
    const recent = await db.job.create({ data: { type, payload: {}, completedAt: new Date(Date.now() - 60_000) } });
    const failedLongAgo = await db.job.create({ data: { type, payload: {}, failedAt: new Date(Date.now() - 30 * 24 * 60 * 60_000) } });
    const pending = await db.job.create({ data: { type, payload: {}, createdAt: new Date(Date.now() - 30 * 24 * 60 * 60_000) } });
    const { deleted } = await purgeCompletedJobs();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await db.job.findMany({ where: { type }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, failedLongAgo.id, pending.id].sort());
    expect(left.some((row) => row.id === old.id)).toBe(false);
  });
});
