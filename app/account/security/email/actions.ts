"use server";

import { requestEmailChange } from "@/lib/auth/account/request-email-change";
import { currentSession } from "@/lib/auth/current-user";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";

/** Sends the confirmation link; the answer is the same whether or not the address is in use. */
export async function requestEmailChangeAction(input: { email?: unknown }): Promise<TActionResult<{ message: string }>> {
  return toActionResult("auth.request_email_change_failed", async () => {
    const session = await currentSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    return requestEmailChange({ session, newEmail: input?.email, context: await requestContext() });
  });
}
