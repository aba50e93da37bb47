// Runs one claimed job to its end: payload checked again (it was stored by an
// older release, or edited by hand), handler run outside any transaction with
// its lock kept fresh, then completed, retried later, or failed for good.
// Logs carry the job's id, type and attempt only: payloads may hold medical data.
import { errorLabel, logger } from "@/lib/logger";
import type { ClaimedJob } from "./claim-job";
import { describePayloadIssues, sanitizeJobError } from "./job-errors";
import { extendJobLock, markJobCompleted, markJobFailed, retryDelayMs, scheduleJobRetry, type JobClaim } from "./finish-job";
import type { JobRegistry } from "./registry";

export type JobOutcome = "completed" | "retry" | "failed" | "lock_lost";

export async function runClaimedJob(options: {
  job: ClaimedJob;
  registry: JobRegistry;
  workerId: string;
  lockTimeoutMs: number;
  signal: AbortSignal;
}): Promise<JobOutcome> {
  const { job, registry, workerId } = options;
  const claim: JobClaim = { id: job.id, workerId, attempts: job.attempts };
  const fields = { jobId: job.id.toString(), type: job.type, attempt: job.attempts };
  const fail = async (lastError: string, error?: string): Promise<JobOutcome> => {
    const recorded = await markJobFailed({ ...claim, lastError });
    logger.error(recorded ? "job.failed" : "job.lock_lost", error ? { ...fields, error } : fields);
    return recorded ? "failed" : "lock_lost";
  };

  const definition = registry.jobs.get(job.type);
  if (!definition) return fail(`UnknownJobType: no handler is registered for "${job.type}"`);
  if (job.attempts > job.maxAttempts) {
    // The last allowed attempt was claimed but never finished: its worker died.
    return fail(`WorkerLost: attempt ${job.maxAttempts} of ${job.maxAttempts} did not finish before its lock expired`);
  }
  const parsed = definition.payload.safeParse(job.payload);
  if (!parsed.success) return fail(`InvalidPayload: ${describePayloadIssues(parsed.error)}`);

  const heartbeat = setInterval(() => {
    extendJobLock(claim).catch(() => logger.warn("job.heartbeat_failed", fields));
  }, Math.max(1_000, Math.floor(options.lockTimeoutMs / 3)));
  heartbeat.unref();
  let error: unknown;
  let succeeded = false;
  try {
    await definition.handler(parsed.data, {
      jobId: fields.jobId,
      type: job.type,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      workerId,
      signal: options.signal,
    });
    succeeded = true;
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(heartbeat);
  }

  if (succeeded) {
    const recorded = await markJobCompleted(claim);
    if (!recorded) logger.warn("job.lock_lost", fields);
    else logger.debug("job.completed", fields);
    return recorded ? "completed" : "lock_lost";
  }
  const lastError = sanitizeJobError(error, job.payload);
  // The log names the error by its name and code only (the message may carry medical content); the job row keeps the sanitized text.
  const label = errorLabel(error);
  if (job.attempts >= job.maxAttempts) return fail(lastError, label);
  const delayMs = retryDelayMs(definition.backoff, job.attempts);
  const recorded = await scheduleJobRetry({ ...claim, delayMs, lastError });
  logger.warn(recorded ? "job.retry_scheduled" : "job.lock_lost", { ...fields, delayMs, error: label });
  return recorded ? "retry" : "lock_lost";
}
