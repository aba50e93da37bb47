// Opening a notification marks it read and leads to the thing it is about.
// Only the user's own; only paths inside the app are followed (a stored link
// is never an open redirect), anything else lands on the notifications page.
import { db } from "@/lib/db";
import { ZNotificationIdSchema } from "./schemas";

export function safeAppPath(link: string | null | undefined): string {
  return link && link.startsWith("/") && !link.startsWith("//") && !link.includes("\\") ? link : "/notifications";
}

export async function openNotification(options: { userId: string; notificationId: string; now?: Date }): Promise<{ path: string }> {
  const parsed = ZNotificationIdSchema.safeParse(options.notificationId);
  if (!parsed.success) return { path: "/notifications" };
  const notification = await db.notification.findFirst({ where: { id: parsed.data, userId: options.userId }, select: { id: true, link: true, readAt: true } });
  if (!notification) return { path: "/notifications" };
  if (!notification.readAt) await db.notification.updateMany({ where: { id: notification.id, readAt: null }, data: { readAt: options.now ?? new Date() } });
  return { path: safeAppPath(notification.link) };
}
