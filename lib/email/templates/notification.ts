// The mail of an in-app notification, and the daily digest of uploads. Both
// say what happened in the notification's own words (which never hold medical
// content) and link into the app, where the details are behind sign-in.
import { env } from "@/lib/env";
import type { NotificationType } from "@/lib/generated/prisma/client";
import { isSecurityNotification } from "@/lib/notifications/notification-types";
import { renderEmail } from "./layout";

/** An absolute URL of the app for an in-app path; anything else falls back to the notifications page. */
export function appUrl(path: string | null | undefined): string {
  const safe = path && path.startsWith("/") && !path.startsWith("//") ? path : "/notifications";
  return new URL(safe, env().APP_URL).toString();
}

export const notificationMail = (options: { type: NotificationType; title: string; body?: string | null; link?: string | null }) => {
  const security = isSecurityNotification(options.type);
  return renderEmail({
    subject: options.title,
    heading: options.title,
    // The body names people (a patient's name in a clinician's mailbox already
    // says something about their health); only security notices, which name a
    // browser and a network, carry it. The rest is behind sign-in.
    paragraphs: [
      ...(security && options.body ? [options.body] : []),
      "For your privacy this mail holds no details: sign in to MedVault to see them.",
    ],
    action: { label: "Open in MedVault", url: appUrl(options.link) },
    footnote: security
      ? "This is a security notice about your account. It is always sent, whatever your notification settings."
      : `You receive this mail because email notices of this kind are on. Change that at ${appUrl("/account/notifications")}.`,
  });
};

export const uploadDigestMail = (options: { items: { title: string; createdAt: Date }[] }) => {
  const count = options.items.length;
  const shown = options.items.slice(0, 20);
  const lines = shown.map((item) => `${item.createdAt.toISOString().slice(0, 10)}: ${item.title}`);
  if (count > shown.length) lines.push(`…and ${count - shown.length} more.`);
  return renderEmail({
    subject: count === 1 ? "1 new record in your MedVault" : `${count} new records in your MedVault`,
    heading: count === 1 ? "A record was added to your vault" : `${count} records were added to your vault`,
    paragraphs: [...lines, "For your privacy this mail holds no details: sign in to MedVault to see them."],
    action: { label: "See my records", url: appUrl("/patient") },
    footnote: `You receive this daily summary because you chose it for new records. Change that at ${appUrl("/account/notifications")}.`,
  });
};
