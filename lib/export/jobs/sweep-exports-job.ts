// Removes expired export ZIPs and their rows (lib/export/sweep-exports.ts).
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { sweepExports } from "../sweep-exports";

export const SWEEP_EXPORTS_EVERY_MS = 30 * 60_000;

export const sweepExportsJob = defineJob({
  type: "sweep-exports",
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const result = await sweepExports();
    logger.info("export.swept", { jobId: ctx.jobId, ...result });
  },
});
