// Audit events for admins: a table on wide screens, stacked cards on a phone
// (the same markup; each cell carries its label for small screens).
import { LocalTime } from "@/components/admin/local-time";
import type { AdminAuditRow } from "@/lib/admin/audit/search-audit-events";

function Cell({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <td className={`block px-3 py-1 align-top md:table-cell md:py-2 ${className}`}>
      <span className="font-medium text-slate-600 md:sr-only">{label}: </span>
      {children}
    </td>
  );
}

export function AuditEventsTable({ rows }: { rows: AdminAuditRow[] }) {
  return (
    <div className="overflow-x-auto rounded-2xl bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="hidden bg-slate-50 md:table-header-group">
          <tr>
            {["#", "Time", "Action", "Outcome", "Actor", "Patient", "Target", "From", "Details"].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={`block border-t border-slate-200 py-2 md:table-row md:py-0 ${row.emergency ? "bg-red-50" : ""}`}>
              <Cell label="Event">{row.id}</Cell>
              <Cell label="Time" className="whitespace-nowrap">
                <LocalTime value={row.occurredAt} />
              </Cell>
              <Cell label="Action">
                <code className="break-all">{row.action}</code>
                {row.emergency ? <span className="ml-2 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">Emergency</span> : null}
              </Cell>
              <Cell label="Outcome">
                <span className={row.outcome === "DENIED" ? "font-semibold text-red-800" : "text-green-800"}>{row.outcome === "DENIED" ? "Denied" : "Allowed"}</span>
              </Cell>
              <Cell label="Actor" className="break-all">
                {row.actor ? `${row.actor.email ?? row.actor.id}${row.actor.role ? ` (${row.actor.role.toLowerCase()})` : ""}` : "system"}
              </Cell>
              <Cell label="Patient" className="break-all">
                {row.patient ? (row.patient.email ?? row.patient.id) : "—"}
              </Cell>
              <Cell label="Target" className="break-all">
                {row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"}
              </Cell>
              <Cell label="From" className="break-all">
                {row.ipAddress ?? "—"}
              </Cell>
              <Cell label="Details" className="max-w-xs break-all font-mono text-xs">
                {row.details ?? "—"}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
