"use server";

import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/home-path";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { ZReauthenticateSchema } from "@/lib/auth/two-factor/schemas";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";

/** Confirms the user and returns to where they were; only failures come back. */
export async function reauthenticateAction(input: unknown, returnTo?: string): Promise<TActionResult | undefined> {
  const parsed = ZReauthenticateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  const result = await toActionResult("auth.reauthenticate_failed", async () => {
    const session = await currentSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    await reauthenticate({ session, input: parsed.data, context: await requestContext() });
    return {};
  });
  if (!result.ok) return result;
  redirect(safeReturnPath(returnTo) ?? "/account/security");
}
