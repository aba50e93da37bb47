"use server";

// "Delete my account": session -> phrase -> one use case -> sign out.
import { signOut } from "@/lib/auth/auth";
import { authenticate } from "@/lib/auth/current-user";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { deleteAccount } from "@/lib/account/delete-account/delete-account";
import { ZDeleteAccountSchema } from "@/lib/account/delete-account/schemas";
import { requestContext } from "@/lib/http/request-context";

export async function deleteAccountAction(input: unknown): Promise<TActionResult | undefined> {
  const parsed = ZDeleteAccountSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  const result = await toActionResult("account.delete_failed", async () => {
    const user = await authenticate();
    return deleteAccount({ user, input: parsed.data, context: await requestContext() });
  });
  if (!result.ok) return result;
  // The session row is gone (or revoked): clear the cookie and leave.
  await signOut({ redirectTo: `/privacy?account=${result.outcome === "deleted" ? "deleted" : "deleting"}` });
}
