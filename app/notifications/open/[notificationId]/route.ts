// GET /notifications/open/:id: marks the notification read and redirects to
// the thing it is about (a path inside the app only).
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/current-user";
import { openNotification } from "@/lib/notifications/open-notification";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, segment: { params: Promise<{ notificationId: string }> }) {
  const user = await authenticate().catch(() => null);
  if (!user) redirect("/sign-in?callbackUrl=%2Fnotifications");
  const { notificationId } = await segment.params;
  const { path } = await openNotification({ userId: user.id, notificationId });
  redirect(path);
}
