"use server";

// Admin account actions: session (ADMIN, two-factor done) -> zod -> one use case
// -> a user-safe message. The use cases check the admin again themselves.
import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/components/admin/account-actions";
import { reactivateUser } from "@/lib/admin/clinicians/reactivate-user";
import { ZReactivateUserSchema, ZSuspendUserSchema, ZVerifyClinicianSchema } from "@/lib/admin/clinicians/schemas";
import { suspendUser } from "@/lib/admin/clinicians/suspend-user";
import { verifyClinician } from "@/lib/admin/clinicians/verify-clinician";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import type { z } from "zod";

async function runAdminAction<S extends z.ZodType<{ userId: string }>>(
  name: string,
  schema: S,
  input: unknown,
  run: (options: { adminId: string; data: z.output<S>; context: Awaited<ReturnType<typeof requestContext>> }) => Promise<{ tone: "success" | "info"; message: string }>,
): Promise<AdminActionResult> {
  try {
    const admin = await authenticate({ roles: ["ADMIN"] });
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
      return { ok: false, tone: "error", message: fieldErrors.reason?.[0] ?? "Please correct the highlighted fields.", fieldErrors };
    }
    const result = await run({ adminId: admin.id, data: parsed.data, context: await requestContext() });
    revalidatePath("/admin/clinicians", "layout");
    revalidatePath("/admin");
    return { ok: true, ...result };
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Name and code only: driver messages may quote the statement's values.
      logger.error("admin.action_failed", { action: name, error: errorLabel(error) });
    }
    const { message, fieldErrors } = toPublicError(error);
    return { ok: false, tone: "error", message: fieldErrors?.reason?.[0] ?? message, fieldErrors };
  }
}

export async function verifyClinicianAction(input: unknown): Promise<AdminActionResult> {
  return runAdminAction("verify_clinician", ZVerifyClinicianSchema, input, async ({ adminId, data, context }) => {
    const { outcome } = await verifyClinician({ adminId, userId: data.userId, reason: data.reason, context });
    return outcome === "verified"
      ? { tone: "success", message: "Clinician verified. They can now request access to patient records, and we told them by email." }
      : { tone: "info", message: "This clinician was already verified. Nothing changed." };
  });
}

export async function suspendUserAction(input: unknown): Promise<AdminActionResult> {
  return runAdminAction("suspend_user", ZSuspendUserSchema, input, async ({ adminId, data, context }) => {
    const { outcome } = await suspendUser({ adminId, userId: data.userId, reason: data.reason, context });
    return outcome === "suspended"
      ? { tone: "success", message: "Account suspended. Every session was ended and the user was told by email." }
      : { tone: "info", message: "This account was already suspended. Nothing changed." };
  });
}

export async function reactivateUserAction(input: unknown): Promise<AdminActionResult> {
  return runAdminAction("reactivate_user", ZReactivateUserSchema, input, async ({ adminId, data, context }) => {
    const { outcome, status } = await reactivateUser({ adminId, userId: data.userId, reason: data.reason, context });
    if (outcome === "not_suspended") return { tone: "info", message: "This account is not suspended. Nothing changed." };
    return status === "PENDING_VERIFICATION"
      ? { tone: "success", message: "Account reactivated. It still waits for verification before the clinician sees patient data." }
      : { tone: "success", message: "Account reactivated. The user can sign in again." };
  });
}
