// enqueueJob validates against the registered schema and writes with the
// caller's transaction: the job exists exactly when the change that caused it does.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { InvalidJobPayloadError } from "@/lib/jobs/job-errors";
import { appJobRegistry } from "@/lib/jobs/registry";
import { jobRow, testRegistry, uniqueJobType } from "./job-test-kit";

afterAll(() => db.$disconnect());

function emailJob() {
  return defineJob({
    type: uniqueJobType("email"),
    payload: z.object({ to: z.email(), subject: z.string().min(1) }),
    maxAttempts: 3,
    handler: async () => undefined,
  });
}

describe("enqueueJob", () => {
  it("commits the job with the transaction, with the type's maxAttempts and the parsed payload", async () => {
    const job = emailJob();
    const registry = testRegistry([job]);
    const { id } = await db.$transaction((tx) => enqueueJob({ type: job.type, payload: { to: "a@example.org", subject: "Hi", extra: "dropped" }, tx, registry }));
    const row = await jobRow(id);
    expect(row).toMatchObject({ type: job.type, attempts: 0, maxAttempts: 3, completedAt: null, failedAt: null, lockedAt: null });
    expect(row.payload).toEqual({ to: "a@example.org", subject: "Hi" });
  });

  it("leaves no job behind when the transaction rolls back", async () => {
    const job = emailJob();
    const registry = testRegistry([job]);
    const rolledBack = db.$transaction(async (tx) => {
      await enqueueJob({ type: job.type, payload: { to: "a@example.org", subject: "Hi" }, tx, registry });
      expect(await tx.job.count({ where: { type: job.type } })).toBe(1); // visible inside
      throw new Error("the change failed");
    });
    await expect(rolledBack).rejects.toThrow("the change failed");
    expect(await db.job.count({ where: { type: job.type } })).toBe(0);
  });

  it("refuses an invalid payload naming the path, not the value, and an unknown type", async () => {
    const job = emailJob();
    const registry = testRegistry([job]);
    const error = await enqueueJob({ type: job.type, payload: { to: "not-an-address-secret-value", subject: "" }, registry }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidJobPayloadError);
    expect((error as Error).message).toMatch(/at to/);
    expect((error as Error).message).not.toContain("secret-value");
    await expect(enqueueJob({ type: "no-such-type", payload: {}, registry })).rejects.toThrow(/Unknown job type/);
    expect(await db.job.count({ where: { type: job.type } })).toBe(0);
  });

  it("test registries do not leak into the app's", async () => {
    const job = emailJob();
    testRegistry([job]);
    expect(appJobRegistry().jobs.has(job.type)).toBe(false);
    expect(appJobRegistry().jobs.has("purge-completed-jobs")).toBe(true);
    await expect(enqueueJob({ type: job.type, payload: { to: "a@example.org", subject: "Hi" } })).rejects.toThrow(/Unknown job type/);
  });

  it("a future runAt is kept", async () => {
    const job = emailJob();
    const runAt = new Date(Date.now() + 60 * 60_000);
    const { id } = await enqueueJob({ type: job.type, payload: { to: "a@example.org", subject: "Later" }, runAt, registry: testRegistry([job]) });
    expect((await jobRow(id)).runAt.getTime()).toBe(runAt.getTime());
  });
});
