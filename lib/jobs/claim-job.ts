// Takes the next due job for one worker, atomically: SKIP LOCKED lets workers
// claim side by side without waiting on each other, and a job whose lock is
// older than the lock timeout (its worker died or hung) is due again. Every
// claim counts as an attempt, so a job that keeps killing workers still ends.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { millis, NOW_UTC } from "./job-sql";

export interface ClaimedJob {
  id: bigint;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** Claims one due job of the given types (a worker runs only types it knows), or null. */
export async function claimJob(options: { workerId: string; types: readonly string[]; lockTimeoutMs: number }): Promise<ClaimedJob | null> {
  if (options.types.length === 0) return null;
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job"
    SET "lockedAt" = ${NOW_UTC}, "lockedBy" = ${options.workerId}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "completedAt" IS NULL AND "failedAt" IS NULL
        AND "runAt" <= ${NOW_UTC}
        AND ("lockedAt" IS NULL OR "lockedAt" < ${NOW_UTC} - ${millis(options.lockTimeoutMs)})
        AND "type" IN (${Prisma.join(options.types)})
      ORDER BY "runAt", "id"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING "id", "type", "payload", "attempts", "maxAttempts"`;
  return rows[0] ?? null;
}
