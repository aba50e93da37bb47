// How many jobs of each type are in each state. Completed jobs are kept a week.
import type { JobTypeCounts } from "@/lib/jobs/job-stats";

const columns = [
  { key: "queued", label: "Queued" },
  { key: "running", label: "Running" },
  { key: "retrying", label: "Retrying" },
  { key: "failed", label: "Failed" },
  { key: "completed", label: "Completed (last 7 days)" },
] as const;

export function JobCountsTable({ counts }: { counts: JobTypeCounts[] }) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full min-w-[720px] text-sm">
        <caption className="sr-only">Jobs by type and state</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-3 text-left font-semibold">Type</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="px-4 py-3 text-right font-semibold">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {counts.map((row) => (
            <tr key={row.type}>
              <th scope="row" className="px-4 py-3 text-left font-mono font-normal">{row.type}</th>
              {columns.map((column) => (
                <td key={column.key} className={`px-4 py-3 text-right tabular-nums ${column.key === "failed" && row.failed > 0 ? "font-semibold text-red-700" : ""}`}>
                  {row[column.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
