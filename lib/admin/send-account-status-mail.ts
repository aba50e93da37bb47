// Tells a user that an admin changed their account's standing. Runs after the
// change committed: a mail that cannot be written must not undo a suspension,
// so a failure is logged (ids only) and the admin's action still succeeds.
import { sendEmail } from "@/lib/email/send-email";
import { accountReactivatedMail, accountSuspendedMail, clinicianVerifiedMail } from "@/lib/email/templates/clinician-status";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type AccountStatusMail = { kind: "verified" } | { kind: "suspended" } | { kind: "reactivated"; awaitingVerification: boolean };

export async function sendAccountStatusMail(options: { userId: string; to: string; mail: AccountStatusMail }): Promise<void> {
  const signInUrl = new URL("/sign-in", env().APP_URL).toString();
  const { mail } = options;
  const content =
    mail.kind === "verified"
      ? clinicianVerifiedMail({ signInUrl })
      : mail.kind === "suspended"
        ? accountSuspendedMail()
        : accountReactivatedMail({ signInUrl, awaitingVerification: mail.awaitingVerification });
  try {
    await sendEmail({ to: options.to, template: `account-${mail.kind}`, content });
  } catch (error) {
    logger.warn("admin.status_mail_failed", { userId: options.userId, kind: mail.kind, error: error instanceof Error ? error.name : "unknown" });
  }
}
