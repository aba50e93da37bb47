// `npm run worker`: the job worker as its own process (production runs one or
// more next to the app). SIGTERM / SIGINT stop it gracefully: no new job is
// claimed, running jobs get WORKER_SHUTDOWN_TIMEOUT_MS to finish; a second
// signal exits at once (unfinished jobs are run again after their lock expires).
import { db } from "@/lib/db";
import { env, InvalidEnvironmentError } from "@/lib/env";
import { errorLabel, logger } from "@/lib/logger";
import { startWorker } from "@/lib/jobs/worker";

function main() {
  const settings = env();
  const worker = startWorker({ concurrency: settings.WORKER_CONCURRENCY, pollIntervalMs: settings.WORKER_POLL_INTERVAL_MS });
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
