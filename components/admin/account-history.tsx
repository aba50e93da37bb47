import { Ban, BadgeCheck, RotateCcw, ShieldX, type LucideIcon } from "lucide-react";
import type { AdminHistoryEntry } from "@/lib/admin/clinicians/get-account-for-admin";
import { LocalTime } from "./local-time";

const ACTIONS: Record<string, { icon: LucideIcon; label: string }> = {
  "admin.clinician_verified": { icon: BadgeCheck, label: "Verified" },
  "admin.user_suspended": { icon: Ban, label: "Suspended" },
  "admin.user_reactivated": { icon: RotateCcw, label: "Reactivated" },
};

/** The admin decisions about one account, newest first, from the audit trail. */
export function AccountHistory({ entries }: { entries: AdminHistoryEntry[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
      {entries.map((entry) => {
        const known = ACTIONS[entry.action] ?? { icon: BadgeCheck, label: entry.action };
        const denied = entry.outcome === "DENIED";
        const Icon = denied ? ShieldX : known.icon;
        return (
          <li key={entry.id} className="flex gap-3 p-4">
            <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-700" />
            <div className="flex flex-col gap-1">
              <p className="font-medium">
                {denied ? `${known.label} — refused` : known.label}
                <span className="font-normal text-slate-600">
                  {" "}
                  by {entry.actor ? (entry.actor.name ?? entry.actor.email) : "unknown account"} · <LocalTime value={entry.occurredAt} />
                </span>
              </p>
              {entry.reason ? <p className="whitespace-pre-line text-slate-800">“{entry.reason}”</p> : null}
              <p className="text-sm text-slate-600">
                IP {entry.ipAddress ?? "unknown"} · {entry.userAgent ? entry.userAgent.slice(0, 80) : "unknown browser"}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
