// Finishing an email change from the link sent to the new address. The link
// works once; the address is confirmed by the click, and every session of the
// account ends except the confirming browser's own (when it is signed in to
// this account), since the sign-in name just changed.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { emailChangedMail, maskEmail } from "@/lib/email/templates/account-changes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { ZEmailSchema } from "@/lib/validation/auth";
import { revokeAllSessions } from "../sessions/revoke-sessions";
import type { ResolvedSession } from "../sessions/resolve-session";
import { consumeOneTimeTokenWithPayload } from "../tokens/one-time-token";

export const EMAIL_CHANGED_TEMPLATE = "change-email-done";
export const EMAIL_TAKEN_MESSAGE = "That email address is now used by another account, so the change could not be made.";

/** false when the link was used or has expired; throws CONFLICT when the address was taken meanwhile. */
export async function confirmEmailChange(options: {
  token: string;
  /** The confirming browser's session, if any; kept when it belongs to the same account. */
  session?: Pick<ResolvedSession, "sessionToken" | "user"> | null;
  context: RequestContext;
}): Promise<boolean> {
  const claimed = await consumeOneTimeTokenWithPayload({ purpose: "change-email", token: options.token });
  if (!claimed) return false;
  const address = ZEmailSchema.safeParse(claimed.payload);
  if (!address.success) return false;
  const { userId } = claimed;
  const newEmail = address.data;
  const keep = options.session && options.session.user.id === userId ? options.session.sessionToken : undefined;

  let oldEmail: string;
  try {
    oldEmail = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
      if (!user) throw new AppError("NOT_FOUND");
      await tx.user.update({ where: { id: userId }, data: { email: newEmail, emailVerified: new Date() } });
      await revokeAllSessions({ userId, tx, ...(keep ? { exceptSessionToken: keep } : {}) });
      await recordAuditEvent(
        { action: "auth.email_changed", outcome: "ALLOWED", actorId: userId, actorRole: user.role, ...options.context, details: { keptCurrentSession: Boolean(keep) } },
        { tx },
      );
      return user.email;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", EMAIL_TAKEN_MESSAGE);
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }

  await sendEmail({
    to: oldEmail,
    template: EMAIL_CHANGED_TEMPLATE,
    content: emailChangedMail({ maskedNewEmail: maskEmail(newEmail), resetUrl: new URL("/forgot-password", env().APP_URL).toString() }),
  });
  return true;
}
