// Finishes an account deletion (delete-account-data.ts) when the request could
// not: storage down, the process stopped. Many attempts with backoff: the
// account is already closed, this only has to get there eventually.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { deleteAccountData } from "./delete-account-data";

export const deleteAccountDataJob = defineJob({
  type: "delete-account-data",
  payload: z.object({ userId: z.string().min(1).max(64) }).strict(),
  maxAttempts: 12,
  handler: async (payload) => deleteAccountData({ userId: payload.userId }),
});
