// Keeps one record's search document in step with Postgres. Retries for hours
// (the engine may be down); the payload is an id only.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/logger";
import { indexRecordForSearch } from "../index-record";

export const indexRecordJob = defineJob({
  type: "search-index-record",
  payload: z.object({ recordId: z.string().min(1).max(64) }),
  // 5 s doubling to 15 min: about 5 hours of retries before /admin/jobs lists it.
  maxAttempts: 30,
  backoff: { baseMs: 5_000, maxMs: 15 * 60_000 },
  handler: async (payload, ctx) => {
    const outcome = await indexRecordForSearch({ recordId: payload.recordId });
    logger.debug("search.indexed", { jobId: ctx.jobId, recordId: payload.recordId, outcome });
  },
});
