// GET /api/notifications/unread: the bell's poll. The unread count and the
// latest few unread items (titles only, which hold no medical content).
import { authenticate } from "@/lib/auth/current-user";
import { routeHandler } from "@/lib/http/route-handler";
import { unreadNotifications } from "@/lib/notifications/list-notifications";

export const dynamic = "force-dynamic";

export const GET = routeHandler("notifications.unread", async () => {
  const user = await authenticate();
  const { count, latest } = await unreadNotifications({ userId: user.id, take: 5 });
  return {
    body: {
      count,
      latest: latest.map((item) => ({ id: item.id, title: item.title, createdAt: item.createdAt.toISOString() })),
    },
  };
});
