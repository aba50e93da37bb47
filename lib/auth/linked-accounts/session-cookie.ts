// The Auth.js session cookie of the current request, decoded. Auth.js itself
// reads it during an OAuth callback and, when it names a user, links the
// provider account to that user instead of signing in (see handleLoginOrRegister
// in @auth/core). Our guard must look at the very same cookie to decide whether
// that link may happen.
import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

// Plain on http, __Secure- prefixed on https; the name is also the JWT's salt.
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface CookieSession {
  cookieName: (typeof SESSION_COOKIE_NAMES)[number];
  /** The user Auth.js would link a provider account to. */
  userId: string;
  /** Our session row's token (see lib/auth/auth.ts, jwt callback). */
  sessionToken: string | null;
}

export async function cookieSession(): Promise<CookieSession | null> {
  const jar = await cookies();
  for (const cookieName of SESSION_COOKIE_NAMES) {
    const value = jar.get(cookieName)?.value;
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret: env().AUTH_SECRET, salt: cookieName });
      if (token?.sub) return { cookieName, userId: token.sub, sessionToken: typeof token.sid === "string" ? token.sid : null };
    } catch {
      // Undecodable (old secret, tampered): Auth.js ignores it too.
    }
  }
  return null;
}

/** Drops a cookie that no longer stands for a usable session, so the next sign-in starts clean. */
export async function clearSessionCookie(cookieName: CookieSession["cookieName"]): Promise<void> {
  try {
    (await cookies()).delete(cookieName);
  } catch {
    // Read-only cookie store (not in a route handler or action): nothing to clear here.
  }
}
