"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/auth/account/confirm-email-change";
import { currentSession } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/logger";
import { ZLinkTokenSchema } from "@/lib/validation/account-links";

const PATH = "/account/security/email/confirm";

export async function confirmEmailChangeAction(token: string) {
  const parsed = ZLinkTokenSchema.safeParse(token);
  let outcome: "done" | "failed" | "taken" = "failed";
  if (parsed.success) {
    try {
      const session = await currentSession();
      outcome = (await confirmEmailChange({ token: parsed.data, session, context: await requestContext() })) ? "done" : "failed";
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") outcome = "taken";
      else logger.error("auth.confirm_email_change_failed", { error });
    }
  }
  redirect(`${PATH}?${outcome}=1`);
}
