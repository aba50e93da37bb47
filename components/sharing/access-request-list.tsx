// Requests clinicians sent to the patient: pending ones with Approve / Deny,
// answered ones below as a short history.
import { LocalTime } from "@/components/admin/local-time";
import { decideAccessRequestAction } from "@/app/(patient)/patient/sharing/actions";
import type { ListedAccessRequest } from "@/lib/sharing/list-access-requests";
import { AccessRequestDecision } from "./access-request-decision";
import { levelLabel, roleLabel, scopeText } from "./sharing-labels";

const STATUS_TEXT = { PENDING: "Waiting for you", APPROVED: "Approved", DENIED: "Denied", CANCELLED: "Withdrawn" } as const;

export function AccessRequestList({ requests, label }: { requests: readonly ListedAccessRequest[]; label: string }) {
  return (
    <ul className="flex flex-col gap-3" aria-label={label}>
      {requests.map((request) => {
        const name = request.clinician.name ?? "A clinician";
        return (
          <li key={request.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
            <div>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{name}</span>
                <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800">{STATUS_TEXT[request.status]}</span>
              </p>
              <p className="text-sm text-slate-600">{[roleLabel(request.clinician.role), request.clinician.specialty, request.clinician.organization].filter(Boolean).join(" · ")}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">Asks for</dt>
                <dd>{scopeText(request)}</dd>
                <dt className="text-slate-600">To</dt>
                <dd>{levelLabel(request.level)}</dd>
                <dt className="text-slate-600">For</dt>
                <dd>{request.durationDays} days</dd>
                <dt className="text-slate-600">Sent</dt>
                <dd>
                  <LocalTime value={request.createdAt.toISOString()} />
                </dd>
                <dt className="text-slate-600">Reason</dt>
                <dd className="break-words">{request.reason}</dd>
              </dl>
            </div>
            {request.status === "PENDING" ? (
              <AccessRequestDecision
                clinicianName={name}
                decide={decideAccessRequestAction}
                request={{ id: request.id, scope: request.scope, categories: request.categories, level: request.level, durationDays: request.durationDays }}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
