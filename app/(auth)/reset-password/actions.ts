"use server";

import { redirect } from "next/navigation";
import { ZNewPasswordServerSchema } from "@/lib/auth/password-policy";
import { resetPassword } from "@/lib/auth/password-reset/reset-password";
import { requestContext } from "@/lib/http/request-context";
import { ZLinkTokenSchema } from "@/lib/validation/account-links";

export type ResetPasswordResult = { ok: false; message: string; field?: "password" };

export async function resetPasswordAction(input: { token: unknown; password: unknown }): Promise<ResetPasswordResult> {
  const token = ZLinkTokenSchema.safeParse(input.token);
  if (!token.success) return { ok: false, message: token.error.issues[0].message };
  const password = ZNewPasswordServerSchema.safeParse(input.password);
  if (!password.success) return { ok: false, field: "password", message: password.error.issues[0].message };
  const done = await resetPassword({ token: token.data, newPassword: password.data, context: await requestContext() });
  if (!done) return { ok: false, message: "This link was already used or has expired. Ask for a new one." };
  redirect("/sign-in?reset=1");
}
