// The job worker: `concurrency` loops that each claim a due job, run it and
// claim the next, sleeping `pollIntervalMs` when there is nothing to do; plus a
// timer that keeps the registry's periodic jobs scheduled. Runs in its own
// process (`npm run worker`) or inside the dev launcher, never inside Next: it
// must not import Next-only modules.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { errorLabel, logger } from "@/lib/logger";
import { claimJob } from "./claim-job";
import { appJobRegistry, type JobRegistry } from "./registry";
import { runClaimedJob } from "./run-job";
import { schedulePeriodic } from "./schedule-periodic";

export interface StartWorkerOptions {
  concurrency: number;
  pollIntervalMs: number;
  /** Recorded in Job.lockedBy; unique per process by default. */
  workerId?: string;
  /** The app's registry unless given (tests). */
  registry?: JobRegistry;
  /** A job locked longer than this is taken for a dead worker's and run again. */
  lockTimeoutMs?: number;
  /** How long stop() waits for running jobs before it aborts their signals and returns. */
  shutdownTimeoutMs?: number;
  /** How often periodic jobs are checked; at most every minute by default. */
  periodicCheckMs?: number;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

const DB_ERROR_PAUSE_MS = 5_000;

export function startWorker(options: StartWorkerOptions): RunningWorker {
  const settings = env();
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const registry = options.registry ?? appJobRegistry();
  const types = [...registry.jobs.keys()];
  const lockTimeoutMs = options.lockTimeoutMs ?? settings.JOB_LOCK_TIMEOUT_MS;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? settings.WORKER_SHUTDOWN_TIMEOUT_MS;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const abort = new AbortController();
  let stopping = false;

  // Sleeps end early on stop().
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  async function slot(): Promise<void> {
    while (!stopping) {
      try {
        const job = await claimJob({ workerId: id, types, lockTimeoutMs });
        if (!job) {
          await sleep(options.pollIntervalMs);
          continue;
        }
        await runClaimedJob({ job, registry, workerId: id, lockTimeoutMs, signal: abort.signal });
      } catch (error) {
        // The database is unreachable or refused a statement; the job (if any)
        // keeps its lock and is picked up again after the lock timeout.
        logger.error("worker.loop_error", { workerId: id, error: errorLabel(error) });
        await sleep(Math.max(options.pollIntervalMs, DB_ERROR_PAUSE_MS));
      }
    }
  }

  async function periodic(): Promise<void> {
    if (registry.periodic.length === 0) return;
    const everyMs = options.periodicCheckMs ?? Math.min(60_000, ...registry.periodic.map((schedule) => schedule.everyMs));
    while (!stopping) {
      for (const schedule of registry.periodic) {
        if (stopping) break;
        try {
          await schedulePeriodic({ ...schedule, registry });
        } catch (error) {
          logger.error("worker.periodic_error", { workerId: id, type: schedule.type, error: errorLabel(error) });
        }
      }
      await sleep(everyMs);
    }
  }

  const loops = [...Array.from({ length: concurrency }, slot), periodic()];
  logger.info("worker.started", { workerId: id, concurrency, types: types.length });

  let stopped: Promise<void> | undefined;
  return {
    id,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const wake of [...sleepers]) wake();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), shutdownTimeoutMs);
        });
        const result = await Promise.race([Promise.allSettled(loops).then(() => "done" as const), timedOut]);
        clearTimeout(timer);
        if (result === "timeout") {
          // Jobs still running keep their lock; another worker runs them again once it expires.
          abort.abort();
          logger.warn("worker.stop_timeout", { workerId: id, shutdownTimeoutMs });
        }
        logger.info("worker.stopped", { workerId: id });
      })();
      return stopped;
    },
  };
}
