import { db, type Tx } from "@/lib/db";

/** Ends one session (logout). */
export async function revokeSession(sessionToken: string) {
  await db.session.updateMany({ where: { sessionToken, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of a user at once (suspension, password or two-factor change,
 * reset). Bumping the version also refuses sessions that are being created right now.
 */
export async function revokeAllSessions(options: { userId: string; tx?: Tx; exceptSessionToken?: string }) {
  const client = options.tx ?? db;
  const user = await client.user.update({ where: { id: options.userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await client.session.updateMany({
    where: { userId: options.userId, revokedAt: null, ...(options.exceptSessionToken ? { NOT: { sessionToken: options.exceptSessionToken } } : {}) },
    data: { revokedAt: new Date() },
  });
  if (options.exceptSessionToken) {
    // The session that made the change carries on under the new version.
    await client.session.update({ where: { sessionToken: options.exceptSessionToken }, data: { sessionVersion: user.sessionVersion } });
  }
}
