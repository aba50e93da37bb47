import type { Metadata } from "next";
import { BellOff } from "lucide-react";
import { NotificationList } from "@/components/notifications/notification-list";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await requireUser({ returnTo: "/notifications" });
  const items = await listNotifications({ userId: user.id, take: 100 });
  const unread = items.filter((item) => !item.readAt).length;
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      <PageHeader title="Notifications" description="What happened with your records, your shares and your account." />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-slate-600">{unread === 0 ? "Everything is read." : `${unread} unread`}</p>
        <div className="flex flex-wrap gap-2">
          {unread > 0 ? (
            <form method="post" action={markReadAction}>
              <button type="submit" className="min-h-11 rounded-lg px-4 font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                Mark all read
              </button>
            </form>
          ) : null}
          <ButtonLink href="/account/notifications" variant="secondary">
            Settings
          </ButtonLink>
        </div>
      </div>
      {items.length === 0 ? (
        <EmptyState icon={BellOff} title="No notifications yet">
          When someone shares records with you, adds a record for you or asks for access, it shows up here. Choose what you hear about in your notification settings.
        </EmptyState>
      ) : (
        <NotificationList items={items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString(), readAt: item.readAt?.toISOString() ?? null }))} markReadAction={markReadAction} />
      )}
    </div>
  );
}
