import type { Metadata } from "next";
import { ShieldCheck } from "lucide-react";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { saveNotificationPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notification settings" };
export const dynamic = "force-dynamic";

export default async function NotificationSettingsPage() {
  const user = await requireUser({ returnTo: "/account/notifications" });
  const preferences = await getNotificationPreferences({ userId: user.id });
  const security = preferences.filter((entry) => entry.security);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      <PageHeader title="Notification settings" description="Choose how MedVault tells you what happened. Mails never contain medical details: they link here." />
      <div className="flex flex-col gap-6">
        <NotificationPreferencesForm preferences={preferences.filter((entry) => !entry.security)} saveAction={saveNotificationPreferencesAction} />
        <section aria-labelledby="security-notices-title" className="rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="security-notices-title" className="flex items-center gap-2 text-lg font-semibold">
            <ShieldCheck aria-hidden className="size-5 text-accent-700" />
            Security notices: always on
          </h2>
          <p className="mt-1 text-slate-600">These tell you that someone may be using your account or your records, so they always come in the app and by email.</p>
          <ul className="mt-4 flex flex-col gap-3">
            {security.map((entry) => (
              <li key={entry.type} className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                <span>
                  <span className="font-medium">{entry.label}</span>
                  <span className="block text-sm text-slate-600">{entry.description}</span>
                </span>
                <span className="text-sm font-semibold text-slate-700">In the app and by email</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
