// Every job type of the app, and which of them run periodically. Each domain
// keeps its job definitions next to its use cases (e.g. lib/records/jobs/…)
// and adds one line to each list here.
import type { JobDefinition } from "./define-job";
import { categorizeRecordJob } from "@/lib/records/jobs/categorize-record-job";
import { makeThumbnailJob } from "@/lib/records/jobs/make-thumbnail-job";
import { sweepUploadSlotsJob } from "@/lib/records/jobs/sweep-upload-slots-job";
import { SWEEP_EXPIRED_GRANTS_EVERY_MS, sweepExpiredGrantsJob } from "@/lib/sharing/jobs/sweep-expired-grants-job";
import { purgeCompletedJobsJob } from "./purge-completed-jobs";
import type { PeriodicJob } from "./registry";

export const appJobs = [
  purgeCompletedJobsJob,
  sweepUploadSlotsJob,
  makeThumbnailJob,
  categorizeRecordJob,
  sweepExpiredGrantsJob,
] as const satisfies readonly JobDefinition[];

export const appPeriodicJobs: readonly PeriodicJob[] = [
  { type: purgeCompletedJobsJob.type, everyMs: 6 * 60 * 60_000 },
  { type: sweepUploadSlotsJob.type, everyMs: 5 * 60_000 },
  { type: sweepExpiredGrantsJob.type, everyMs: SWEEP_EXPIRED_GRANTS_EVERY_MS },
];
