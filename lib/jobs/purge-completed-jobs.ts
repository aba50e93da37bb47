// Built-in periodic housekeeping: completed jobs are kept a week for the admin
// view and troubleshooting, then deleted. Failed jobs stay until retried.
import { z } from "zod";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { defineJob } from "./define-job";

export const COMPLETED_JOB_RETENTION_MS = 7 * 24 * 60 * 60_000;

export const ZPurgeCompletedJobsJobSchema = z.object({}).strict();

export async function purgeCompletedJobs(options: { olderThanMs?: number } = {}): Promise<{ deleted: number }> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? COMPLETED_JOB_RETENTION_MS));
  const { count } = await db.job.deleteMany({ where: { completedAt: { lt: cutoff } } });
  return { deleted: count };
}

export const purgeCompletedJobsJob = defineJob({
  type: "purge-completed-jobs",
  payload: ZPurgeCompletedJobsJobSchema,
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const { deleted } = await purgeCompletedJobs();
    logger.info("jobs.purged_completed", { jobId: ctx.jobId, deleted });
  },
});
