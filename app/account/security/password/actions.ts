"use server";

import { redirect } from "next/navigation";
import { changePassword } from "@/lib/auth/account/change-password";
import { currentSession } from "@/lib/auth/current-user";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";

/** Sets the new password (the use case validates it); only failures come back. */
export async function changePasswordAction(input: { password?: unknown }): Promise<TActionResult | undefined> {
  const result = await toActionResult("auth.change_password_failed", async () => {
    const session = await currentSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    await changePassword({ session, newPassword: input?.password, context: await requestContext() });
    return {};
  });
  if (!result.ok) return result;
  redirect("/account/security/password?changed=1");
}
