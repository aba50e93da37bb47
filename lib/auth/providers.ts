// Sign-in providers. Each OAuth provider is on only when its keys are set, and
// hidden from the sign-in page otherwise.
import { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Apple from "next-auth/providers/apple";
import Credentials from "next-auth/providers/credentials";
import Facebook from "next-auth/providers/facebook";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";
import { authorizePassword } from "./sign-in/authorize-password";

export interface OAuthProviderInfo {
  id: "google" | "facebook" | "apple";
  name: string;
}

export function configuredOAuthProviders(): OAuthProviderInfo[] {
  const settings = env();
  const list: OAuthProviderInfo[] = [];
  if (settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET) list.push({ id: "google", name: "Google" });
  if (settings.FACEBOOK_CLIENT_ID && settings.FACEBOOK_CLIENT_SECRET) list.push({ id: "facebook", name: "Facebook" });
  if (settings.APPLE_CLIENT_ID && settings.APPLE_CLIENT_SECRET) list.push({ id: "apple", name: "Apple" });
  return list;
}

export function authProviders(): Provider[] {
  const settings = env();
  const enabled = new Set(configuredOAuthProviders().map((p) => p.id));
  const providers: Provider[] = [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const check = await authorizePassword({ credentials, request });
        if (check.ok) return { id: check.userId };
        // Auth.js passes only the error's `code` on; "invalid" stays generic.
        if (check.reason === "invalid") return null;
        const error = new CredentialsSignin();
        error.code = check.reason;
        throw error;
      },
    }),
  ];
  if (enabled.has("google")) {
    providers.push(
      Google({
        clientId: settings.GOOGLE_CLIENT_ID,
        clientSecret: settings.GOOGLE_CLIENT_SECRET,
        // Only tests set this: a local OpenID provider stands in for Google.
        ...(settings.GOOGLE_ISSUER ? { issuer: settings.GOOGLE_ISSUER } : {}),
      }),
    );
  }
  if (enabled.has("facebook")) providers.push(Facebook({ clientId: settings.FACEBOOK_CLIENT_ID, clientSecret: settings.FACEBOOK_CLIENT_SECRET }));
  if (enabled.has("apple")) providers.push(Apple({ clientId: settings.APPLE_CLIENT_ID, clientSecret: settings.APPLE_CLIENT_SECRET }));
  return providers;
}
