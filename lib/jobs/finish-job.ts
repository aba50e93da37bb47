// The three ways a run ends. Each update is fenced on the claim (worker and
// attempt): if this worker's lock expired and another worker took the job
// over, the late result is dropped instead of overwriting the newer run.
import { db } from "@/lib/db";
import { millis, NOW_UTC } from "./job-sql";

export interface JobClaim {
  id: bigint;
  workerId: string;
  attempts: number;
}

export async function markJobCompleted(claim: JobClaim): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET "completedAt" = ${NOW_UTC}, "lockedAt" = NULL, "lockedBy" = NULL
    WHERE "id" = ${claim.id} AND "lockedBy" = ${claim.workerId} AND "attempts" = ${claim.attempts}`;
  return count === 1;
}

export async function scheduleJobRetry(claim: JobClaim & { delayMs: number; lastError: string }): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET "runAt" = ${NOW_UTC} + ${millis(claim.delayMs)}, "lastError" = ${claim.lastError}, "lockedAt" = NULL, "lockedBy" = NULL
    WHERE "id" = ${claim.id} AND "lockedBy" = ${claim.workerId} AND "attempts" = ${claim.attempts}`;
  return count === 1;
}

export async function markJobFailed(claim: JobClaim & { lastError: string }): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET "failedAt" = ${NOW_UTC}, "lastError" = ${claim.lastError}, "lockedAt" = NULL, "lockedBy" = NULL
    WHERE "id" = ${claim.id} AND "lockedBy" = ${claim.workerId} AND "attempts" = ${claim.attempts}`;
  return count === 1;
}

/** Keeps a long job's lock fresh, so it is not taken for a dead worker's. */
export async function extendJobLock(claim: JobClaim): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Job" SET "lockedAt" = ${NOW_UTC}
    WHERE "id" = ${claim.id} AND "lockedBy" = ${claim.workerId} AND "attempts" = ${claim.attempts}`;
  return count === 1;
}

/** Exponential with "equal jitter": in [d/2, d] for d = base * 2^attempt (capped); the bounds grow, single draws may not. */
export function retryDelayMs(backoff: { baseMs: number; maxMs: number }, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
