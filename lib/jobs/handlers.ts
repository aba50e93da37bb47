// Every job type of the app, and which of them run periodically. Each domain
// keeps its job definitions next to its use cases (e.g. lib/records/jobs/…)
// and adds one line to each list here.
import type { JobDefinition } from "./define-job";
import { categorizeRecordJob } from "@/lib/records/jobs/categorize-record-job";
import { makeThumbnailJob } from "@/lib/records/jobs/make-thumbnail-job";
import { sweepUploadSlotsJob } from "@/lib/records/jobs/sweep-upload-slots-job";
import { hashRecordJob } from "@/lib/records/jobs/hash-record-job";
import { deleteRejectedUploadJob } from "@/lib/records/jobs/delete-rejected-upload-job";
import { SWEEP_EXPIRED_GRANTS_EVERY_MS, sweepExpiredGrantsJob } from "@/lib/sharing/jobs/sweep-expired-grants-job";
import { sendEmailJob } from "@/lib/email/jobs/send-email-job";
import { DAILY_DIGEST_EVERY_MS } from "@/lib/notifications/send-daily-digests";
import { sendDailyDigestsJob } from "@/lib/notifications/jobs/send-daily-digests-job";
import { indexRecordJob } from "@/lib/search/jobs/index-record-job";
import { buildDataExportJob } from "@/lib/export/jobs/build-data-export-job";
import { SWEEP_EXPORTS_EVERY_MS, sweepExportsJob } from "@/lib/export/jobs/sweep-exports-job";
import { deleteAccountDataJob } from "@/lib/account/delete-account/delete-account-data-job";
import { purgeCompletedJobsJob } from "./purge-completed-jobs";
import type { PeriodicJob } from "./registry";

export const appJobs = [
  purgeCompletedJobsJob,
  sweepUploadSlotsJob,
  makeThumbnailJob,
  categorizeRecordJob,
  hashRecordJob,
  deleteRejectedUploadJob,
  sweepExpiredGrantsJob,
  sendEmailJob,
  sendDailyDigestsJob,
  indexRecordJob,
  buildDataExportJob,
  sweepExportsJob,
  deleteAccountDataJob,
] as const satisfies readonly JobDefinition[];

export const appPeriodicJobs: readonly PeriodicJob[] = [
  { type: purgeCompletedJobsJob.type, everyMs: 6 * 60 * 60_000 },
  { type: sweepUploadSlotsJob.type, everyMs: 5 * 60_000 },
  { type: sweepExpiredGrantsJob.type, everyMs: SWEEP_EXPIRED_GRANTS_EVERY_MS },
  { type: sendDailyDigestsJob.type, everyMs: DAILY_DIGEST_EVERY_MS },
  { type: sweepExportsJob.type, everyMs: SWEEP_EXPORTS_EVERY_MS },
];
