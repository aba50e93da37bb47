// The one way the product tells a user something happened: called inside the
// transaction of the change that causes it, so the notification (and its mail,
// queued as a job) commits with the change or not at all. Titles and bodies say
// what happened in plain words and never carry medical content: they are also
// what the email says. The user's preferences decide the channels
// (channels.ts); security events always go both ways.
import type { Tx } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import type { EmailContent } from "@/lib/email/templates/layout";
import { notificationMail } from "@/lib/email/templates/notification";
import type { NotificationType } from "@/lib/generated/prisma/client";
import { resolveChannels } from "./channels";

export type NotifyInput = {
  tx: Tx;
  userId: string;
  type: NotificationType;
  title: string;
  body?: string;
  // A path inside the app, e.g. /patient/sharing.
  link?: string;
  /** Notify once per key, however often this is called (e.g. a grant's expiry seen by every sweep). */
  dedupeKey?: string;
  /** A mail of its own instead of the generic one (e.g. the account status mails). */
  email?: { template: string; content: EmailContent };
};

export async function notify(input: NotifyInput): Promise<void> {
  const { tx, userId, type } = input;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return;
  const channels = await resolveChannels({ tx, userId, type });
  const data = {
    userId,
    type,
    title: input.title,
    body: input.body,
    link: input.link,
    inApp: channels.inApp,
    digestPending: channels.email && channels.digest,
    dedupeKey: input.dedupeKey,
  };
  if (input.dedupeKey) {
    // ON CONFLICT DO NOTHING: a duplicate neither aborts the caller's transaction nor mails again.
    const { count } = await tx.notification.createMany({ data: [data], skipDuplicates: true });
    if (count === 0) return;
  } else {
    await tx.notification.create({ data, select: { id: true } });
  }
  if (!channels.email || channels.digest) return;
  await sendEmail({
    tx,
    to: user.email,
    template: input.email?.template ?? `notification-${type.toLowerCase().replaceAll("_", "-")}`,
    content: input.email?.content ?? notificationMail({ type, title: input.title, body: input.body, link: input.link }),
  });
}
