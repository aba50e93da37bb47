import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/http/request-context";

/** Opens the server-side row behind a new sign-in; returns its token for the JWT. */
export async function createSession(options: { userId: string; context: RequestContext; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { sessionVersion: true } });
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
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
  return sessionToken;
}
