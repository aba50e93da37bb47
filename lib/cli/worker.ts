// `npm run worker`: the job worker as its own process (production runs one or
// more next to the app). SIGTERM / SIGINT stop it gracefully: no new job is
// claimed, running jobs get WORKER_SHUTDOWN_TIMEOUT_MS to finish; a second
// signal exits at once (unfinished jobs are run again after their lock expires).
// A job that freezes the event loop gets the process killed by the stall
// watchdog after STALL_LIMIT_MS, for the supervisor to start a fresh one.
import { db } from "@/lib/db";
import { env, InvalidEnvironmentError } from "@/lib/env";
import { errorLabel, logger } from "@/lib/logger";
import { startStallWatchdog } from "@/lib/jobs/stall-watchdog";
import { startWorker } from "@/lib/jobs/worker";

// No legitimate step blocks the event loop for this long (OCR, sharp and MuPDF
// either run off the main thread or take seconds); a loop that does will not end.
const STALL_LIMIT_MS = 120_000;

function main() {
  const settings = env();
  const worker = startWorker({ concurrency: settings.WORKER_CONCURRENCY, pollIntervalMs: settings.WORKER_POLL_INTERVAL_MS });
  startStallWatchdog({ limitMs: STALL_LIMIT_MS });
  let signals = 0;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      signals += 1;
      if (signals > 1) process.exit(130);
      void worker
        .stop()
        .then(() => db.$disconnect())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
}

try {
  main();
} catch (error) {
  if (error instanceof InvalidEnvironmentError) console.error(error.message);
  else logger.error("worker.start_failed", { error: errorLabel(error) });
  process.exit(1);
}
