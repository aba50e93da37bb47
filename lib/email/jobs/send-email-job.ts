// Delivers one queued mail (see deliver-email.ts). Backoff from 10 s doubling
// up to an hour over 12 attempts: a provider outage of several hours delays
// mail, it does not lose it; after that the job shows as failed at /admin/jobs
// and an admin can retry it.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { deliverEmail } from "../deliver-email";

export const ZSendEmailJobSchema = z.object({ emailId: z.string().min(1).max(64) }).strict();

export const sendEmailJob = defineJob({
  type: "send-email",
  payload: ZSendEmailJobSchema,
  maxAttempts: 12,
  backoff: { baseMs: 10_000, maxMs: 60 * 60_000 },
  handler: async (payload, ctx) => {
    await deliverEmail({ emailId: payload.emailId, attempt: ctx.attempt, maxAttempts: ctx.maxAttempts });
  },
});
