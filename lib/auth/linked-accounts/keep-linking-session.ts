// After a provider is linked from the security page, Auth.js runs the jwt
// callback as for a sign-in. The user is already signed in: keep that session
// (with its second factor and re-authentication) instead of opening a new one.
import "server-only";
import { resolveSession } from "../sessions/resolve-session";
import { cookieSession } from "./session-cookie";

/** The token of the request's active session when it belongs to userId, else null. */
export async function sessionToKeepOnLink(options: { userId: string }): Promise<string | null> {
  const cookie = await cookieSession();
  if (!cookie || cookie.userId !== options.userId || !cookie.sessionToken) return null;
  const session = await resolveSession(cookie.sessionToken);
  return session?.state === "active" && session.user.id === options.userId ? session.sessionToken : null;
}
