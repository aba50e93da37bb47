"use server";

// "Verify now" on the audit dashboard: session (ADMIN) -> the use case (which
// checks the admin again and records the verification) -> a message.
import { revalidatePath } from "next/cache";
import type { ConfirmResult } from "@/components/audit/confirm-action-button";
import { verifyChainNow } from "@/lib/admin/audit/chain-status";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";

export async function verifyChainAction(): Promise<ConfirmResult> {
  try {
    const admin = await authenticate({ roles: ["ADMIN"] });
    const status = await verifyChainNow({ adminId: admin.id, context: await requestContext() });
    revalidatePath("/admin/audit");
    return status.ok
      ? { ok: true, message: `Chain intact: ${status.events} events verified.` }
      : { ok: true, message: `Chain BROKEN at event ${status.brokenAtId} (${status.problem.replace("_", " ")}).` };
  } catch (error) {
    if (!(error instanceof AppError)) logger.error("admin.action_failed", { action: "verify_chain", error: errorLabel(error) });
    return { ok: false, message: toPublicError(error).message };
  }
}
