// Once a day: the upload digests (see send-daily-digests.ts).
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { sendDailyDigests } from "../send-daily-digests";

export const sendDailyDigestsJob = defineJob({
  type: "send-notification-digests",
  payload: z.object({}).strict(),
  maxAttempts: 5,
  handler: async (_payload, ctx) => {
    const result = await sendDailyDigests();
    logger.info("notifications.digests_sent", { jobId: ctx.jobId, ...result });
  },
});
