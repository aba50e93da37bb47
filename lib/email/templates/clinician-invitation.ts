// The mail a patient's invitation sends to a clinician's address. It says that
// a patient invited them and how to join; never who the patient is, what they
// share or for how long (the address may not even be the clinician's).
import { renderEmail } from "./layout";

export const clinicianInvitationMail = (options: { signUpUrl: string; validUntil: Date }) =>
  renderEmail({
    subject: "You are invited to MedVault",
    heading: "A patient invited you to MedVault",
    paragraphs: [
      "A patient who keeps their medical records on MedVault would like to share them with you, and invited you with this email address.",
      "To see what they share, create a clinician account with this same email address. An administrator checks your professional details; once your account is verified, the share starts on its own.",
      `The invitation is valid until ${options.validUntil.toISOString().slice(0, 10)}. If you already have a MedVault clinician account with this address, you need not do anything.`,
    ],
    action: { label: "Create a clinician account", url: options.signUpUrl },
    footnote: "You receive this mail because a MedVault patient entered this address. If you do not expect it, you can ignore it: nothing is shared with anyone until a verified clinician account with this address exists.",
  });
