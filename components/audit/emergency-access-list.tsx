// Emergency accesses for admin review, as cards (readable on a phone): who
// opened whose records, the reason, when it started and ends, and "End now"
// for the ones still open.
import { LocalTime } from "@/components/admin/local-time";
import type { EmergencyAccessRow } from "@/lib/admin/audit/list-emergency-accesses";
import type { ConfirmResult } from "./confirm-action-button";
import { ConfirmActionButton } from "./confirm-action-button";

const STATE_LABEL: Record<EmergencyAccessRow["state"], string> = { open: "Open", ended: "Ended early", expired: "Expired" };

export function EmergencyAccessList({ rows, endAction }: { rows: EmergencyAccessRow[]; endAction?: (grantId: string) => Promise<ConfirmResult> }) {
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((row) => {
        const clinician = row.clinician.name ?? row.clinician.email;
        const patient = row.patient.name ?? row.patient.email;
        return (
          <li key={row.grantId} className={`rounded-2xl p-4 ring-1 ${row.state === "open" ? "bg-red-50 ring-red-200" : "bg-white ring-slate-200"}`}>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="break-words font-semibold">
                  {clinician} <span className="font-normal text-slate-600">({row.clinician.role.toLowerCase()}, {row.clinician.email})</span> opened the records of {patient}{" "}
                  <span className="font-normal text-slate-600">({row.patient.email})</span>
                </p>
                <p className="mt-1 text-slate-700">
                  <span className={`mr-2 rounded-full px-2 py-0.5 text-sm font-semibold ${row.state === "open" ? "bg-red-700 text-white" : "bg-slate-100 text-slate-800"}`}>{STATE_LABEL[row.state]}</span>
                  Opened <LocalTime value={row.openedAt} />
                  {row.state === "ended" && row.endedAt ? (
                    <>
                      , ended <LocalTime value={row.endedAt} />
                      {row.endedBy ? ` by ${row.endedBy.name ?? "someone"} (${row.endedBy.role.toLowerCase()})` : ""}
                    </>
                  ) : (
                    <>
                      , {row.state === "open" ? "ends" : "ended"} <LocalTime value={row.endsAt} />
                    </>
                  )}
                </p>
                <div className="mt-2">
                  <p className="text-sm font-medium text-slate-600">Reason given</p>
                  <p className="whitespace-pre-wrap break-words text-slate-900">{row.reason ?? "—"}</p>
                </div>
              </div>
              {endAction && row.state === "open" ? (
                <ConfirmActionButton
                  label="End now"
                  variant="danger"
                  title="End this emergency access now?"
                  description={
                    <p>
                      {clinician} loses access to the records of {patient} at once. The end is recorded in the audit trail.
                    </p>
                  }
                  confirmLabel="End access"
                  cancelLabel="Keep it open"
                  run={endAction.bind(null, row.grantId)}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
