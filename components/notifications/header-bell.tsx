// The bell as the header mounts it: the first count is rendered on the server,
// the client component keeps it fresh. A database hiccup hides the bell
// instead of breaking the header.
import { unreadNotifications } from "@/lib/notifications/list-notifications";
import { NotificationBell } from "./notification-bell";

export async function HeaderBell({ userId }: { userId: string }) {
  const summary = await unreadNotifications({ userId, take: 5 }).catch(() => null);
  if (!summary) return null;
  return (
    <NotificationBell
      initial={{ count: summary.count, latest: summary.latest.map((item) => ({ id: item.id, title: item.title, createdAt: item.createdAt.toISOString() })) }}
    />
  );
}
