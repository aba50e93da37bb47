"use server";

import type { EmailRequestResult } from "@/components/auth/email-request-form";
import { requestPasswordReset } from "@/lib/auth/password-reset/request-password-reset";
import { requestAccountMail } from "@/lib/auth/request-account-mail";
import { requestContext } from "@/lib/http/request-context";
import { ZEmailRequestSchema } from "@/lib/validation/account-links";

export async function requestPasswordResetAction(input: unknown): Promise<EmailRequestResult> {
  const parsed = ZEmailRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter your email address." };
  const { email } = parsed.data;
  const context = await requestContext();
  return requestAccountMail({
    email,
    context,
    send: () => requestPasswordReset({ email, context }),
    sentMessage: "If that address has a MedVault account, a link to set a new password is on its way. It works for 30 minutes.",
  });
}
