// The clinician's access requests that patients have answered. Waiting ones
// are not listed (see lib/sharing/list-sent-access-requests.ts).
import { LocalTime } from "@/components/admin/local-time";
import { levelLabel, scopeText } from "@/components/sharing/sharing-labels";
import type { SentAccessRequest } from "@/lib/sharing/list-sent-access-requests";

const STATUS_TEXT = { APPROVED: "Approved", DENIED: "Denied", CANCELLED: "Withdrawn" } as const;

export function SentRequestsList({ requests }: { requests: readonly SentAccessRequest[] }) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Answered requests">
      {requests.map((request) => (
        <li key={request.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-medium text-slate-800">{STATUS_TEXT[request.status]}</span>
            <span className="font-semibold">{request.patient.name ?? "Unnamed patient"}</span>
          </p>
          <p className="mt-1 text-slate-700">
            {scopeText(request)} · {levelLabel(request.level)} · {request.durationDays} days · sent <LocalTime value={request.createdAt.toISOString()} />
          </p>
        </li>
      ))}
    </ul>
  );
}
