"use server";

import { currentSession } from "@/lib/auth/current-user";
import { touchSession } from "@/lib/auth/sessions/touch-session";

/** "Stay signed in": resets the idle timer of a session that is still valid. */
export async function keepSessionAlive(): Promise<{ ok: boolean }> {
  const session = await currentSession();
  return { ok: session ? await touchSession(session.sessionToken) : false };
}
