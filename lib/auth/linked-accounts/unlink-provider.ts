// "Unlink Google": removes a provider identity from the signed-in user's
// account, unless it is their last way to sign in.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import type { ResolvedSession } from "../sessions/resolve-session";
import { canRemoveProvider, signInMethods } from "./sign-in-methods";

export const LAST_METHOD_MESSAGE =
  "This is your only way to sign in. Set a password or link another provider first, so you can still get into your account.";

export async function unlinkProvider(options: {
  session: Pick<ResolvedSession, "state" | "user">;
  provider: string;
  /** Providers switched on in this deployment (configuredOAuthProviders). */
  configuredProviders: readonly string[];
  context: RequestContext;
}): Promise<void> {
  const { session, provider, context } = options;
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  const userId = session.user.id;
  const audit = { action: "auth.provider_unlinked", actorId: userId, actorRole: session.user.role, ...context };

  const outcome = await db.$transaction(async (tx) => {
    // One unlink at a time per user: two concurrent ones must not each see the other's provider as the way left.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const methods = await signInMethods(tx, userId);
    if (!methods.linked.some((link) => link.provider === provider)) return "not_linked" as const;
    if (!canRemoveProvider(methods, provider, options.configuredProviders)) return "last_method" as const;
    await tx.account.deleteMany({ where: { userId, provider } });
    await recordAuditEvent({ ...audit, outcome: "ALLOWED", details: { provider } }, { tx });
    return "unlinked" as const;
  });

  if (outcome === "not_linked") throw new AppError("NOT_FOUND", "That provider is not linked to your account.");
  if (outcome === "last_method") {
    await recordAuditEvent({ ...audit, outcome: "DENIED", details: { provider, reason: "last_sign_in_method" } });
    throw new AppError("CONFLICT", LAST_METHOD_MESSAGE);
  }
}
