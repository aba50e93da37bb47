"use server";

import type { EmailRequestResult } from "@/components/auth/email-request-form";
import { requestAccountMail } from "@/lib/auth/request-account-mail";
import { resendVerification } from "@/lib/auth/sign-up/resend-verification";
import { requestContext } from "@/lib/http/request-context";
import { ZEmailRequestSchema } from "@/lib/validation/account-links";

export async function resendVerificationAction(input: unknown): Promise<EmailRequestResult> {
  const parsed = ZEmailRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter your email address." };
  const { email } = parsed.data;
  return requestAccountMail({
    email,
    context: await requestContext(),
    send: () => resendVerification({ email }),
    sentMessage: "If that address has an account waiting for confirmation, a new link is on its way.",
  });
}
