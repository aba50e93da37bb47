// Runs automatic categorization for a new record in the background; the record
// is usable before it finishes.
import { z } from "zod";
import { categorizeRecord } from "@/lib/categorization/categorize-record-job";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { recordBlob } from "../record-blobs";

/** Reads a record file, at most `maxBytes` of it (a range read, not the whole blob). */
async function readRecordBlob(blobName: string, options: { maxBytes?: number } = {}): Promise<Buffer> {
  const blob = recordBlob(blobName);
  const { contentLength = 0 } = await blob.getProperties();
  return blob.downloadToBuffer(0, Math.min(contentLength, options.maxBytes ?? contentLength));
}

export const categorizeRecordJob = defineJob({
  type: "categorize-record",
  payload: z.object({ recordId: z.string().min(1).max(64) }),
  maxAttempts: 5,
  handler: async (payload, ctx) => {
    const result = await categorizeRecord({ recordId: payload.recordId, readBlob: readRecordBlob });
    logger.info("records.categorized", { jobId: ctx.jobId, recordId: payload.recordId, outcome: result.outcome });
  },
});
