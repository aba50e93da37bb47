// The daily digest of uploads for users who chose it: every notification that
// waits for the digest is sent in one mail per user and marked, in the same
// transaction as the queued mail, so a digest is sent once even when two
// workers run this at the same time (rows are taken FOR UPDATE SKIP LOCKED).
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { uploadDigestMail } from "@/lib/email/templates/notification";

export const DAILY_DIGEST_EVERY_MS = 24 * 60 * 60_000;
export const DIGEST_TEMPLATE = "notification-digest";

export async function sendDailyDigests(options: { batchSize?: number } = {}): Promise<{ mails: number; items: number }> {
  const users = await db.notification.findMany({
    where: { digestPending: true },
    distinct: ["userId"],
    select: { userId: true },
    take: options.batchSize ?? 500,
  });
  let mails = 0;
  let items = 0;
  for (const { userId } of users) {
    const sent = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; title: string; createdAt: Date }[]>`
        SELECT "id", "title", "createdAt" FROM "Notification"
        WHERE "userId" = ${userId} AND "digestPending"
        ORDER BY "createdAt", "id"
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      await tx.notification.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { digestPending: false } });
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
      if (user) await sendEmail({ tx, to: user.email, template: DIGEST_TEMPLATE, content: uploadDigestMail({ items: rows }) });
      return rows.length;
    });
    if (sent > 0) {
      mails += 1;
      items += sent;
    }
  }
  return { mails, items };
}
