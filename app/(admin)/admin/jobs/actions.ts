"use server";

// Retry of a failed job: session (ADMIN, two-factor done) -> zod -> the use
// case (which checks the admin again and audits) -> a user-safe message.
import { revalidatePath } from "next/cache";
import type { JobActionResult } from "@/components/admin/jobs-retry-button";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { retryFailedJob } from "@/lib/jobs/retry-failed-job";
import { ZRetryFailedJobSchema } from "@/lib/jobs/schemas";
import { errorLabel, logger } from "@/lib/logger";

export async function retryFailedJobAction(input: unknown): Promise<JobActionResult> {
  try {
    const admin = await authenticate({ roles: ["ADMIN"] });
    const parsed = ZRetryFailedJobSchema.safeParse(input);
    if (!parsed.success) return { ok: false, tone: "error", message: "That job could not be found. Reload the page and try again." };
    const { outcome } = await retryFailedJob({ adminId: admin.id, id: parsed.data.id, context: await requestContext() });
    revalidatePath("/admin/jobs");
    return outcome === "retried"
      ? { ok: true, tone: "success", message: `Job ${parsed.data.id} is queued again with a fresh set of attempts.` }
      : { ok: true, tone: "info", message: `Job ${parsed.data.id} is no longer failed. Nothing changed.` };
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Name only: driver messages may quote the statement's values.
      logger.error("admin.action_failed", { action: "retry_failed_job", error: errorLabel(error) });
    }
    return { ok: false, tone: "error", message: toPublicError(error).message };
  }
}
