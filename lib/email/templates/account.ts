import { renderEmail } from "./layout";

export const verifyEmailMail = (options: { name: string; url: string }) =>
  renderEmail({
    subject: "Confirm your email for MedVault",
    heading: `Welcome to MedVault, ${options.name}`,
    paragraphs: ["Please confirm that this is your email address. The link works once and for 24 hours."],
    action: { label: "Confirm my email", url: options.url },
    footnote: "If you did not create a MedVault account, ignore this mail: nothing happens without a confirmation.",
  });

export const signUpAttemptOnExistingAccountMail = (options: { signInUrl: string; resetUrl: string }) =>
  renderEmail({
    subject: "Someone tried to create a MedVault account with your email",
    heading: "You already have a MedVault account",
    paragraphs: ["Someone, probably you, tried to create a new account with this email address. Your existing account is unchanged.", "If you forgot your password, you can set a new one."],
    action: { label: "Reset my password", url: options.resetUrl },
    footnote: `To sign in, go to ${options.signInUrl}. If this was not you, you can ignore this mail.`,
  });

export const passwordResetMail = (options: { url: string }) =>
  renderEmail({
    subject: "Reset your MedVault password",
    heading: "Set a new password",
    paragraphs: ["We received a request to reset your password. The link works once and for 30 minutes.", "Two-factor authentication stays on: you will still need your code after the reset."],
    action: { label: "Choose a new password", url: options.url },
    footnote: "If you did not ask for this, ignore this mail: your password stays as it is.",
  });

export const passwordChangedMail = (options: { signInUrl: string }) =>
  renderEmail({
    subject: "Your MedVault password was changed",
    heading: "Your password was changed",
    paragraphs: ["Your MedVault password was just changed and every device was signed out.", "If this was not you, reset your password at once and contact your MedVault administrator."],
    action: { label: "Sign in", url: options.signInUrl },
  });
