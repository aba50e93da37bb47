// Mails about changes a signed-in user makes to their own account (password,
// email address). They name no address in the subject and carry no medical content.
import { renderEmail } from "./layout";

export const accountPasswordChangedMail = (options: { securityUrl: string; resetUrl: string }) =>
  renderEmail({
    subject: "Your MedVault password was changed",
    heading: "Your password was changed",
    paragraphs: [
      "The password of your MedVault account was just changed from your account settings. Your other devices were signed out.",
      "If this was not you, reset your password at once and contact your MedVault administrator.",
    ],
    action: { label: "Reset my password", url: options.resetUrl },
    footnote: `You can review your security settings at ${options.securityUrl}.`,
  });

export const confirmNewEmailMail = (options: { url: string }) =>
  renderEmail({
    subject: "Confirm your new email for MedVault",
    heading: "Confirm your new email address",
    paragraphs: [
      "Someone, probably you, asked to use this address for their MedVault account. The link works once and for 24 hours.",
      "Until you confirm, the account keeps its current address.",
    ],
    action: { label: "Confirm this address", url: options.url },
    footnote: "If you did not ask for this, ignore this mail: nothing changes without a confirmation.",
  });

/** To the current address when a change is requested. `newEmail` is shown masked. */
export const emailChangeRequestedMail = (options: { maskedNewEmail: string; securityUrl: string }) =>
  renderEmail({
    subject: "A change of your MedVault email was requested",
    heading: "Your email address may change",
    paragraphs: [
      `A change of your account's email address to ${options.maskedNewEmail} was requested. It takes effect only once the new address is confirmed.`,
      "If this was not you, change your password now and contact your MedVault administrator.",
    ],
    action: { label: "Review security settings", url: options.securityUrl },
  });

export const emailChangedMail = (options: { maskedNewEmail: string; resetUrl: string }) =>
  renderEmail({
    subject: "Your MedVault email was changed",
    heading: "Your email address was changed",
    paragraphs: [
      `Your MedVault account now uses ${options.maskedNewEmail}. Mails will no longer come to this address.`,
      "If this was not you, contact your MedVault administrator at once.",
    ],
    action: { label: "Reset my password", url: options.resetUrl },
  });

/** "jane.doe@example.org" → "j***e@example.org": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${shown}${email.slice(at)}`;
}
