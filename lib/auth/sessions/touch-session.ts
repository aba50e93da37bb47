import { db } from "@/lib/db";

/** Marks a session active now ("Stay signed in"); false when it is no longer valid. */
export async function touchSession(sessionToken: string): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { sessionToken, revokedAt: null }, data: { lastActiveAt: new Date() } });
  return count === 1;
}
