import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { consumeOneTimeToken } from "../tokens/one-time-token";

/** Confirms the address behind a verification link; false when the link is used or expired. */
export async function verifyEmail(options: { token: string; context: RequestContext }): Promise<boolean> {
  const userId = await consumeOneTimeToken({ purpose: "verify-email", token: options.token });
  if (!userId) return false;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { emailVerified: new Date() } });
    await recordAuditEvent({ action: "auth.email_verified", outcome: "ALLOWED", actorId: userId, ...options.context }, { tx });
  });
  return true;
}
