// Builds one export ZIP (lib/export/build-export.ts). Few attempts: a failure
// after the last one is shown to the patient, who can simply ask again.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { buildExport } from "../build-export";

export const buildDataExportJob = defineJob({
  type: "build-data-export",
  payload: z.object({ exportId: z.string().min(1).max(64) }).strict(),
  maxAttempts: 3,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
  handler: async (payload, ctx) => buildExport({ exportId: payload.exportId, isLastAttempt: ctx.attempt >= ctx.maxAttempts }),
});
