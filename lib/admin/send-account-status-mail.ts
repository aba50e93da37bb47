// Tells a user that an admin changed their account's standing. Verification
// and suspension are notifications (notifyAccountStatus, inside the admin's
// transaction: the in-app notice and the queued mail commit with the change;
// the queue retries the delivery, so a provider outage cannot undo a
// suspension). Reactivation has no notification type: its mail is queued after
// the change committed, and a failure to queue it is logged (ids only).
import type { Tx } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { accountReactivatedMail, accountSuspendedMail, clinicianVerifiedMail } from "@/lib/email/templates/clinician-status";
import { env } from "@/lib/env";
import { errorLabel, logger } from "@/lib/logger";
import { notify } from "@/lib/notifications/notify";

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
    logger.warn("admin.status_mail_failed", { userId: options.userId, kind: mail.kind, error: errorLabel(error) });
  }
}

/** In-app notice plus this mail (a security event: always both), in the admin's transaction. */
export async function notifyAccountStatus(options: { tx: Tx; userId: string; kind: "verified" | "suspended" }): Promise<void> {
  const signInUrl = new URL("/sign-in", env().APP_URL).toString();
  const verified = options.kind === "verified";
  await notify({
    tx: options.tx,
    userId: options.userId,
    type: verified ? "ACCOUNT_VERIFIED" : "ACCOUNT_SUSPENDED",
    title: verified ? "Your account is verified" : "Your account was suspended",
    body: verified
      ? "An administrator verified your professional details. You can ask patients for access to their records."
      : "An administrator suspended your account. Contact your MedVault administrator if you think this is a mistake.",
    link: verified ? "/clinician" : undefined,
    email: { template: `account-${options.kind}`, content: verified ? clinicianVerifiedMail({ signInUrl }) : accountSuspendedMail() },
  });
}
