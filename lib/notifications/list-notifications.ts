// The signed-in user's notifications, newest first: the page lists them, the
// bell polls the unread count and the latest few. Only rows meant for the app.
import { db } from "@/lib/db";

const SELECT = { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export type NotificationItem = {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export async function listNotifications(options: { userId: string; take?: number }): Promise<NotificationItem[]> {
  return db.notification.findMany({
    where: { userId: options.userId, inApp: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 100, 200),
    select: SELECT,
  });
}

/**
 * The unread count and the newest few, in one query: every signed-in page's header and
 * every open tab's bell poll ask for both. The count is a window over all unread rows,
 * taken before the LIMIT.
 */
export async function unreadNotifications(options: { userId: string; take?: number }): Promise<{ count: number; latest: NotificationItem[] }> {
  const take = Math.min(Math.max(options.take ?? 5, 1), 50);
  const rows = await db.$queryRaw<Array<NotificationItem & { unread: bigint }>>`
    SELECT "id", "type"::text AS "type", "title", "body", "link", "readAt", "createdAt", count(*) OVER () AS "unread"
    FROM "Notification"
    WHERE "userId" = ${options.userId} AND "inApp" AND "readAt" IS NULL
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT ${take}`;
  return { count: rows.length ? Number(rows[0]!.unread) : 0, latest: rows.map(({ unread: _unread, ...item }) => item) };
}
