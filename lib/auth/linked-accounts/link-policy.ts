// When a provider account may be linked to a signed-in user. Linking adds a way
// into the account, so it is held to the standard of other security changes:
// a fully signed-in session (second factor done) that confirmed it is the user
// in the last few minutes. An account with nothing to confirm with (OAuth only,
// no authenticator) counts a sign-in from the last few minutes instead.
import "server-only";
import { db } from "@/lib/db";
import { isRecentlyReauthenticated, REAUTHENTICATION_MAX_AGE_MS } from "../reauthenticate";
import { resolveSession } from "../sessions/resolve-session";

export type TLinkRefusal =
  /** No usable session (ended, revoked, suspended) or a sign-in still missing its second factor. */
  | "session_not_active"
  /** The user must confirm it is them first. */
  | "reauthentication_required"
  /** The provider account already belongs to another MedVault user. */
  | "linked_to_other_user";

export type TLinkDecision = { ok: true; alreadyLinked: boolean } | { ok: false; reason: TLinkRefusal };

export async function checkProviderLink(options: {
  userId: string;
  sessionToken: string | null;
  provider: string;
  providerAccountId?: string;
  now?: Date;
}): Promise<TLinkDecision> {
  const now = options.now ?? new Date();
  const session = await resolveSession(options.sessionToken ?? undefined, now);
  if (!session || session.state !== "active" || session.user.id !== options.userId) return { ok: false, reason: "session_not_active" };

  if (options.providerAccountId) {
    const owner = await db.account.findUnique({
      where: { provider_providerAccountId: { provider: options.provider, providerAccountId: options.providerAccountId } },
      select: { userId: true },
    });
    if (owner && owner.userId !== options.userId) return { ok: false, reason: "linked_to_other_user" };
    // Signing in again with an account that is already this user's links nothing.
    if (owner) return { ok: true, alreadyLinked: true };
  }

  if (isRecentlyReauthenticated(session, { now })) return { ok: true, alreadyLinked: false };
  const user = await db.user.findUniqueOrThrow({
    where: { id: options.userId },
    select: { passwordHash: true, totpEnabledAt: true },
  });
  if (!user.passwordHash && !user.totpEnabledAt) {
    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: session.sessionToken }, select: { createdAt: true } });
    if (now.getTime() - row.createdAt.getTime() <= REAUTHENTICATION_MAX_AGE_MS) return { ok: true, alreadyLinked: false };
  }
  return { ok: false, reason: "reauthentication_required" };
}
