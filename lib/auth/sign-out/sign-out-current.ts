import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestContext } from "@/lib/http/request-context";
import { signOut } from "../auth";
import { currentSession } from "../current-user";
import { revokeSession } from "../sessions/revoke-sessions";

/** Ends this browser's session server-side, then clears the cookie. */
export async function signOutCurrent(options: { redirectTo?: string } = {}) {
  const session = await currentSession();
  if (session) {
    await revokeSession(session.sessionToken);
    await recordAuditEvent({ action: "auth.sign_out", outcome: "ALLOWED", actorId: session.user.id, actorRole: session.user.role, ...(await requestContext()) });
  }
  await signOut({ redirectTo: options.redirectTo ?? "/sign-in" });
}
