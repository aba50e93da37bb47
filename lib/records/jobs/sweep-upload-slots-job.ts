// Uploads that were never finalized: their blobs are deleted and their slots
// marked expired, every few minutes.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { sweepUploadSlots } from "../sweep-upload-slots";

export const sweepUploadSlotsJob = defineJob({
  type: "sweep-upload-slots",
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const result = await sweepUploadSlots({});
    logger.info("records.upload_slots_swept", { jobId: ctx.jobId, ...result });
  },
});
