// The admin view of the queue: how many jobs of each type wait, run, retry,
// completed or failed, and the latest failures with their (sanitized) errors.
// Payloads are never read here: they may hold medical data.
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { millis, NOW_UTC } from "./job-sql";

export interface JobTypeCounts {
  type: string;
  /** Due or scheduled, never tried. */
  queued: number;
  /** Waiting for another attempt after a failure. */
  retrying: number;
  running: number;
  completed: number;
  failed: number;
}

export interface FailedJobRow {
  id: string;
  type: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  failedAt: Date;
}

export interface JobStats {
  counts: JobTypeCounts[];
  failed: FailedJobRow[];
  totalFailed: number;
}

export async function getJobStats(options: { adminId: string; failedLimit?: number; lockTimeoutMs?: number }): Promise<JobStats> {
  await requireActiveAdmin({ adminId: options.adminId });
  const stale = millis(options.lockTimeoutMs ?? env().JOB_LOCK_TIMEOUT_MS);
  const counts = await db.$queryRaw<JobTypeCounts[]>`
    SELECT "type",
      count(*) FILTER (WHERE "completedAt" IS NULL AND "failedAt" IS NULL AND ("lockedAt" IS NULL OR "lockedAt" < ${NOW_UTC} - ${stale}) AND "attempts" = 0)::int AS "queued",
      count(*) FILTER (WHERE "completedAt" IS NULL AND "failedAt" IS NULL AND ("lockedAt" IS NULL OR "lockedAt" < ${NOW_UTC} - ${stale}) AND "attempts" > 0)::int AS "retrying",
      count(*) FILTER (WHERE "completedAt" IS NULL AND "failedAt" IS NULL AND "lockedAt" >= ${NOW_UTC} - ${stale})::int AS "running",
      count(*) FILTER (WHERE "completedAt" IS NOT NULL)::int AS "completed",
      count(*) FILTER (WHERE "failedAt" IS NOT NULL)::int AS "failed"
    FROM "Job" GROUP BY "type" ORDER BY "type"`;
  const failed = await db.job.findMany({
    where: { failedAt: { not: null } },
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    take: options.failedLimit ?? 50,
    select: { id: true, type: true, attempts: true, maxAttempts: true, lastError: true, failedAt: true },
  });
  return {
    counts,
    failed: failed.map((job) => ({ ...job, id: job.id.toString(), failedAt: job.failedAt! })),
    totalFailed: counts.reduce((sum, row) => sum + row.failed, 0),
  };
}
