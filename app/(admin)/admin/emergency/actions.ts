"use server";

// "End now" on the emergency review page: session (ADMIN) -> zod -> the
// sharing use case (which checks the admin again and audits) -> a message.
import { revalidatePath } from "next/cache";
import type { ConfirmResult } from "@/components/audit/confirm-action-button";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import { endEmergencyAccess } from "@/lib/sharing/end-emergency-access";
import { ZGrantIdSchema } from "@/lib/validation/sharing";

export async function endEmergencyAccessAction(grantId: unknown): Promise<ConfirmResult> {
  const parsed = ZGrantIdSchema.safeParse(grantId);
  if (!parsed.success) return { ok: false, message: "That emergency access could not be found. Reload the page." };
  try {
    const admin = await authenticate({ roles: ["ADMIN"] });
    const { outcome } = await endEmergencyAccess({ actor: admin, grantId: parsed.data, context: await requestContext() });
    revalidatePath("/admin/emergency");
    return { ok: true, message: outcome === "ended" ? "Emergency access ended. The clinician can no longer open these records." : "It had already ended. Nothing changed." };
  } catch (error) {
    if (!(error instanceof AppError)) logger.error("admin.action_failed", { action: "end_emergency_access", error: errorLabel(error) });
    return { ok: false, message: toPublicError(error).message };
  }
}
