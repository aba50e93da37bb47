// The "Linked sign-in providers" section's data: each provider switched on in
// this deployment, whether the user linked it, and whether it may be unlinked.
import "server-only";
import { db } from "@/lib/db";
import type { OAuthProviderInfo } from "../providers";
import { canRemoveProvider, signInMethods } from "./sign-in-methods";

export interface TLinkedProvider extends OAuthProviderInfo {
  linkedAt: Date | null;
  canUnlink: boolean;
}

export async function linkedProvidersOverview(options: { userId: string; providers: readonly OAuthProviderInfo[] }): Promise<{ hasPassword: boolean; providers: TLinkedProvider[] }> {
  const methods = await signInMethods(db, options.userId);
  const configured = options.providers.map((p) => p.id);
  return {
    hasPassword: methods.hasPassword,
    providers: options.providers.map((provider) => {
      const link = methods.linked.find((l) => l.provider === provider.id);
      return { ...provider, linkedAt: link?.linkedAt ?? null, canUnlink: Boolean(link) && canRemoveProvider(methods, provider.id, configured) };
    }),
  };
}
