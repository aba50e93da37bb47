// The Auth.js instance. Sign-in proves identity (password or OAuth) and opens a
// server-side session row; the JWT cookie carries only that row's token. What a
// session may do is decided per request by resolveSession (lib/auth/sessions).
import NextAuth from "next-auth";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { requestContext } from "@/lib/http/request-context";
import { medvaultAdapter } from "./adapter";
import { sessionToKeepOnLink } from "./linked-accounts/keep-linking-session";
import { linkProviderAccount } from "./linked-accounts/link-account";
import { oauthSignInVerdict } from "./linked-accounts/oauth-sign-in-verdict";
import { authProviders } from "./providers";
import { createSession } from "./sessions/create-session";

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Links are written with their audit event, and without provider tokens.
  adapter: { ...medvaultAdapter(), linkAccount: (account) => linkProviderAccount(account) },
  secret: env().AUTH_SECRET,
  trustHost: true,
  // Credentials sign-in requires the JWT strategy; revocation lives in our Session rows.
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
  providers: authProviders(),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // Refused sign-ins are expected and already audited: log the kind, never a
  // stack, a token or an address.
  logger: {
    error: (error) => logger.warn("auth.refused", { kind: error.name, type: (error as { type?: string }).type }),
    warn: (code) => logger.warn("auth.warning", { kind: code }),
    debug: () => {},
  },
  callbacks: {
    async signIn({ user, account }) {
      // A browser with a session cookie links instead of signing in: only under the link policy.
      if (account?.type === "oauth" || account?.type === "oidc") {
        const verdict = await oauthSignInVerdict({ provider: account.provider, providerAccountId: account.providerAccountId });
        if (verdict !== true) return verdict;
      }
      if (!user.id) return true; // a brand-new OAuth user: created as an active patient
      const existing = await db.user.findUnique({ where: { id: user.id }, select: { status: true } });
      return existing?.status !== "SUSPENDED";
    },
    async jwt({ token, user, account }) {
      if (user?.id) {
        // Linking a provider from the security page keeps the session it was done in.
        const kept = account && account.type !== "credentials" ? await sessionToKeepOnLink({ userId: user.id }) : null;
        if (kept) return { sub: user.id, sid: kept };
        const context = await requestContext();
        const sessionToken = await createSession({ userId: user.id, context });
        await recordAuditEvent({ action: "auth.sign_in", outcome: "ALLOWED", actorId: user.id, ...context, details: { method: account?.provider ?? "password" } });
        // Nothing personal in the cookie: the subject and the session row's token.
        return { sub: user.id, sid: sessionToken };
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : undefined } as typeof session;
    },
  },
}));
