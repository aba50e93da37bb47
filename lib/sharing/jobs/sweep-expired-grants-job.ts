// Hourly: "your share ends soon" reminders and lapsed clinician invitations closed (see sweepExpiredGrants).
// Grant expiry itself needs no job: it is checked at every access.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { sweepExpiredGrants } from "../sweep-expired-grants";

export const SWEEP_EXPIRED_GRANTS_EVERY_MS = 60 * 60_000;

export const sweepExpiredGrantsJob = defineJob({
  type: "sweep-expired-grants",
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const result = await sweepExpiredGrants({});
    logger.info("sharing.grants_swept", { jobId: ctx.jobId, ...result });
  },
});
