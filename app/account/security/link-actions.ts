"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { currentSession } from "@/lib/auth/current-user";
import { checkProviderLink } from "@/lib/auth/linked-accounts/link-policy";
import { unlinkProvider } from "@/lib/auth/linked-accounts/unlink-provider";
import { configuredOAuthProviders } from "@/lib/auth/providers";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";

const SECURITY_PAGE = "/account/security";

/** Only providers switched on in this deployment can be linked or unlinked. */
function parseProvider(input: unknown) {
  const ids = configuredOAuthProviders().map((p) => p.id);
  return z.object({ provider: z.enum(["google", "facebook", "apple"]).refine((id) => ids.includes(id), "That provider is not available.") }).safeParse(input);
}

/** "Link Google": checks the link policy up front, then starts the provider's sign-in while signed in. */
export async function linkProviderAction(provider: string): Promise<void> {
  const session = await currentSession();
  if (!session || session.state !== "active") redirect(`/sign-in?callbackUrl=${encodeURIComponent(SECURITY_PAGE)}`);
  const parsed = parseProvider({ provider });
  if (!parsed.success) redirect(`${SECURITY_PAGE}?link_error=unavailable`);

  // The OAuth callback checks the same policy again (lib/auth/auth.ts, signIn): this only spares a round trip.
  const decision = await checkProviderLink({ userId: session.user.id, sessionToken: session.sessionToken, provider: parsed.data.provider });
  if (!decision.ok) {
    if (decision.reason === "reauthentication_required") redirect(`/account/reauthenticate?returnTo=${encodeURIComponent(SECURITY_PAGE)}`);
    redirect(`${SECURITY_PAGE}?link_error=${decision.reason}`);
  }
  await signIn(parsed.data.provider, { redirectTo: `${SECURITY_PAGE}?linked=${parsed.data.provider}` });
}

export async function unlinkProviderAction(input: unknown): Promise<TActionResult> {
  const parsed = parseProvider(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  return toActionResult("auth.unlink_provider_failed", async () => {
    const session = await currentSession();
    if (!session) throw new AppError("UNAUTHENTICATED");
    await unlinkProvider({
      session,
      provider: parsed.data.provider,
      configuredProviders: configuredOAuthProviders().map((p) => p.id),
      context: await requestContext(),
    });
    return {};
  });
}
