// One line per event, newest first: "Dr. Ana Lee viewed “MRI knee” on 23 Nov
// at 14:02". Emergency access and refused attempts are marked in words and
// colour (never colour alone).
import { Ban, Eye, Siren } from "lucide-react";
import type { ActivityActor, ActivityItem } from "@/lib/audit/list-patient-activity";
import { ActivityTime } from "./activity-time";

function actorName(actor: ActivityActor): string {
  switch (actor.kind) {
    case "you":
      return "You";
    case "admin":
      return "A MedVault administrator";
    case "system":
      return "MedVault";
    default:
      return actor.name;
  }
}

export function ActivityList({ items }: { items: ActivityItem[] }) {
  return (
    <ol className="flex flex-col gap-2" aria-label="Activity, newest first">
      {items.map((item) => (
        <li
          key={item.id}
          className={
            item.emergency
              ? "flex gap-3 rounded-xl border-l-4 border-red-700 bg-red-50 p-3 ring-1 ring-red-200"
              : "flex gap-3 rounded-xl bg-white p-3 ring-1 ring-slate-200"
          }
        >
          {item.emergency ? (
            <Siren aria-hidden className="mt-0.5 size-5 shrink-0 text-red-700" />
          ) : item.denied ? (
            <Ban aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-700" />
          ) : (
            <Eye aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
          )}
          <div className="min-w-0 flex-1">
            <p className="break-words text-slate-900">
              <strong className="font-semibold">{actorName(item.actor)}</strong> {item.description} on <ActivityTime value={item.occurredAt} />
            </p>
            {item.emergency || item.denied ? (
              <p className="mt-1 flex flex-wrap gap-2 text-sm">
                {item.emergency ? <span className="rounded-full bg-red-700 px-2 py-0.5 font-semibold text-white">Emergency access</span> : null}
                {item.denied ? <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">Refused</span> : null}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
