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

export async function unreadNotifications(options: { userId: string; take?: number }): Promise<{ count: number; latest: NotificationItem[] }> {
  const where = { userId: options.userId, inApp: true, readAt: null };
  const [count, latest] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.take ?? 5, select: SELECT }),
  ]);
  return { count, latest };
}
