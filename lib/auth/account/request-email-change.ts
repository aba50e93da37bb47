// Asking to move the account to another email address. Only right after
// "Confirm it's you"; the link goes to the NEW address (proving it), and the
// current address is told. An address that belongs to another account gets
// the same answer and no link, so the form reveals nothing about who is a user.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { confirmNewEmailMail, emailChangeRequestedMail, maskEmail } from "@/lib/email/templates/account-changes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZEmailSchema } from "@/lib/validation/auth";
import { allowAccountMail } from "../mail-throttle";
import { requireRecentReauthentication } from "../reauthenticate";
import type { ResolvedSession } from "../sessions/resolve-session";
import { issueOneTimeToken } from "../tokens/one-time-token";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;
export const CONFIRM_NEW_EMAIL_TEMPLATE = "change-email-confirm";
export const EMAIL_CHANGE_REQUESTED_TEMPLATE = "change-email-requested";

export const emailChangeSentMessage = (email: string) =>
  `We sent a confirmation link to ${email}. Open it within 24 hours to finish the change; until then your current address stays in use.`;

export async function requestEmailChange(options: {
  session: Pick<ResolvedSession, "state" | "sessionToken" | "reauthenticatedAt" | "user">;
  newEmail: unknown;
  context: RequestContext;
  now?: Date;
}): Promise<{ message: string }> {
  const { session, context } = options;
  if (session.state !== "active") throw new AppError("UNAUTHENTICATED");
  requireRecentReauthentication(session, undefined, options.now);

  const parsed = ZEmailSchema.safeParse(options.newEmail);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Enter a valid email address.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { email: [message] } });
  }
  const newEmail = parsed.data;
  const userId = session.user.id;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (newEmail === user.email) {
    const message = "That is already your email address.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { email: [message] } });
  }
  if (!(await allowAccountMail({ email: newEmail, ip: context.ipAddress }))) {
    throw new AppError("RATE_LIMITED", "We have sent several mails already. Please wait an hour, and check your spam folder.");
  }

  const taken = (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) !== null;
  const base = env().APP_URL;
  if (!taken) {
    const token = await issueOneTimeToken({ purpose: "change-email", userId, ttlMs: EMAIL_CHANGE_TTL_MS, payload: newEmail });
    const url = new URL(`/account/security/email/confirm?token=${token}`, base).toString();
    await sendEmail({ to: newEmail, template: CONFIRM_NEW_EMAIL_TEMPLATE, content: confirmNewEmailMail({ url }) });
  }
  // Sent either way: the requester's own mailbox must not tell the two cases apart.
  await sendEmail({
    to: user.email,
    template: EMAIL_CHANGE_REQUESTED_TEMPLATE,
    content: emailChangeRequestedMail({ maskedNewEmail: maskEmail(newEmail), securityUrl: new URL("/account/security", base).toString() }),
  });
  await recordAuditEvent({
    action: "auth.email_change_requested",
    outcome: taken ? "DENIED" : "ALLOWED",
    actorId: userId,
    actorRole: session.user.role,
    ...context,
    ...(taken ? { details: { reason: "address_in_use" } } : {}),
  });
  return { message: emailChangeSentMessage(newEmail) };
}
