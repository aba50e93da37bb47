// The signIn callback's decision for an OAuth sign-in. When the browser carries
// a session cookie, Auth.js does not sign in: it links the provider account to
// the cookie's user. That link is allowed only under the link policy; anything
// else is refused here, before Auth.js writes an Account row.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestContext } from "@/lib/http/request-context";
import { checkProviderLink } from "./link-policy";
import { clearSessionCookie, cookieSession } from "./session-cookie";

/** true to go on, or where to send the browser instead. */
export async function oauthSignInVerdict(options: { provider: string; providerAccountId: string }): Promise<true | string> {
  const cookie = await cookieSession();
  if (!cookie) return true; // a plain sign-in: Auth.js never joins an existing account by email

  const decision = await checkProviderLink({ userId: cookie.userId, sessionToken: cookie.sessionToken, ...options });
  if (decision.ok) return true;

  await recordAuditEvent({
    action: "auth.provider_linked",
    outcome: "DENIED",
    actorId: cookie.userId,
    ...(await requestContext()),
    details: { provider: options.provider, reason: decision.reason },
  });
  if (decision.reason === "session_not_active") {
    // An ended or half-finished sign-in left its cookie behind: someone signing
    // in with a provider must not be linked to that account. Clear it so the
    // next attempt is an ordinary sign-in.
    await clearSessionCookie(cookie.cookieName);
    return "/sign-in?error=SessionEnded";
  }
  return `/account/security?link_error=${decision.reason}`;
}
