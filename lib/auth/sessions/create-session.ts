import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/http/request-context";
import { notifyIfNewDevice } from "@/lib/notifications/new-sign-in";

/** Opens the server-side row behind a new sign-in; returns its token for the JWT. */
export async function createSession(options: { userId: string; context: RequestContext; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { sessionVersion: true } });
  const sessionToken = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    // Compared with the user's earlier sessions, so before this one is written.
    await notifyIfNewDevice({ tx, userId: options.userId, context: options.context });
    await tx.session.create({
      data: {
        sessionToken,
        userId: options.userId,
        sessionVersion: user.sessionVersion,
        expires: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
        lastActiveAt: now,
        ipAddress: options.context.ipAddress,
        userAgent: options.context.userAgent,
      },
    });
  });
  return sessionToken;
}
