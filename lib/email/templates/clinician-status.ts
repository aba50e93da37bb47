// Mails about an account's standing, sent after an admin's decision. They say
// what changed and what to do next; never the admin's reason (it is written for
// the audit trail) and never medical content.
import { renderEmail } from "./layout";

export const clinicianVerifiedMail = (options: { signInUrl: string }) =>
  renderEmail({
    subject: "Your MedVault clinician account is verified",
    heading: "Your account is verified",
    paragraphs: [
      "An administrator checked your professional details and verified your MedVault account.",
      "You can now sign in and ask patients for access to their records. You see only what a patient shares with you.",
    ],
    action: { label: "Sign in", url: options.signInUrl },
  });

export const accountSuspendedMail = () =>
  renderEmail({
    subject: "Your MedVault account was suspended",
    heading: "Your account was suspended",
    paragraphs: [
      "An administrator suspended your MedVault account. You were signed out on every device and cannot sign in for now.",
      "If you think this is a mistake, contact your MedVault administrator.",
    ],
    footnote: "You receive this mail because the status of your MedVault account changed.",
  });

export const accountReactivatedMail = (options: { signInUrl: string; awaitingVerification: boolean }) =>
  renderEmail({
    subject: "Your MedVault account was reactivated",
    heading: "Your account is active again",
    paragraphs: options.awaitingVerification
      ? [
          "An administrator lifted the suspension of your MedVault account. You can sign in again.",
          "Your professional details still wait for verification: until then you do not see patient data.",
        ]
      : ["An administrator lifted the suspension of your MedVault account. You can sign in again."],
    action: { label: "Sign in", url: options.signInUrl },
  });
