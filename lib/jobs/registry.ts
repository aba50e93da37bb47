// Which job types a worker runs and enqueueJob accepts, and which of them are
// scheduled periodically. The app's registry is built from lib/jobs/handlers.ts
// on first use (lazily, so a domain module may import enqueueJob while its own
// job definitions are still loading). Tests build registries of their own.
import type { JobDefinition } from "./define-job";
import { appJobs, appPeriodicJobs } from "./handlers";

export interface PeriodicJob {
  type: string;
  everyMs: number;
  /** Validated against the type's schema when enqueued; defaults to {}. */
  payload?: unknown;
}

export interface JobRegistry {
  readonly jobs: ReadonlyMap<string, JobDefinition>;
  readonly periodic: readonly PeriodicJob[];
}

export function createJobRegistry(options: { jobs: readonly JobDefinition[]; periodic?: readonly PeriodicJob[] }): JobRegistry {
  const jobs = new Map<string, JobDefinition>();
  for (const job of options.jobs) {
    if (jobs.has(job.type)) throw new Error(`Job type "${job.type}" is registered twice`);
    jobs.set(job.type, job);
  }
  const periodic = options.periodic ?? [];
  for (const schedule of periodic) {
    if (!jobs.has(schedule.type)) throw new Error(`Periodic job "${schedule.type}" has no registered job type`);
    if (!(schedule.everyMs > 0)) throw new Error(`Periodic job "${schedule.type}": everyMs must be positive`);
  }
  return { jobs, periodic };
}

export function getJobDefinition(registry: JobRegistry, type: string): JobDefinition {
  const definition = registry.jobs.get(type);
  if (!definition) throw new Error(`Unknown job type "${type}": add its definition to lib/jobs/handlers.ts`);
  return definition;
}

let app: JobRegistry | undefined;

/** The registry of every job type of the app (lib/jobs/handlers.ts). */
export function appJobRegistry(): JobRegistry {
  // Read on first call, not at load: handlers import domain modules, which may
  // import enqueueJob and so this file before the lists exist.
  app ??= createJobRegistry({ jobs: appJobs, periodic: appPeriodicJobs });
  return app;
}
