// The one way pages, server actions and route handlers learn who is asking.
// Every one of them calls this itself: the middleware only redirects.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { attachSessionAccessFacts } from "@/lib/authz/session-access-facts";
import { resolveSession, type ResolvedSession } from "./sessions/resolve-session";
import { sessionTokenFromCookies } from "./sessions/session-cookie";

/** The current session in any state, once per request. */
export const currentSession = cache(async (): Promise<ResolvedSession | null> => {
  const settings = env();
  const token = await sessionTokenFromCookies({ cookies: (await cookies()).getAll(), appUrl: settings.APP_URL, secret: settings.AUTH_SECRET });
  return resolveSession(token);
});

export type CurrentUser = ResolvedSession["user"] & { sessionToken: string; reauthenticatedAt: Date | null };

function toCurrentUser(session: ResolvedSession): CurrentUser {
  const user = { ...session.user, sessionToken: session.sessionToken, reauthenticatedAt: session.reauthenticatedAt };
  return attachSessionAccessFacts(user, { status: session.user.status, verified: session.clinicianVerified });
}

/** For pages: a fully signed-in user, or a redirect to the step still missing. */
export async function requireUser(options: { roles?: readonly Role[]; returnTo?: string } = {}): Promise<CurrentUser> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in${options.returnTo ? `?callbackUrl=${encodeURIComponent(options.returnTo)}` : ""}`);
  if (session.state === "second_factor_required") redirect("/sign-in/two-factor");
  if (session.state === "enrolment_required") redirect("/account/security/two-factor?required=1");
  if (options.roles && !options.roles.includes(session.user.role)) redirect("/");
  return toCurrentUser(session);
}

/** For server actions and route handlers: throws an AppError instead of redirecting. */
export async function authenticate(options: { roles?: readonly Role[] } = {}): Promise<CurrentUser> {
  const session = await currentSession();
  if (!session || session.state !== "active") throw new AppError("UNAUTHENTICATED");
  if (options.roles && !options.roles.includes(session.user.role)) throw new AppError("FORBIDDEN");
  return toCurrentUser(session);
}
