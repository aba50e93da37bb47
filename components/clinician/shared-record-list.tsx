// The records a grant lets a clinician see, grouped by category like the
// patient's own list (same grouping, icons and date formats), each a link to
// the clinician's record page. No archive or other owner actions here.
import Link from "next/link";
import { categoryLabel, typeLabel } from "@/components/records/detail/labels";
import { groupRecords } from "@/components/records/list/group-records";
import { LocalDay, LocalInstantDay } from "@/components/records/list/local-dates";
import { RecordTypeIcon } from "@/components/records/list/record-type-icon";
import type { RecordSummary } from "@/lib/records/record-summary";

export function SharedRecordList({ patientId, records }: { patientId: string; records: RecordSummary[] }) {
  const groups = groupRecords(records, "category");
  return (
    <div className="flex flex-col gap-6">
      {groups.map((group) => {
        const headingId = `shared-records-${group.key}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className="flex flex-col gap-2">
            <h2 id={headingId} className="flex items-baseline justify-between gap-2 text-base font-semibold text-slate-800">
              <span>{group.kind === "category" ? categoryLabel(group.key) : "Not sorted yet"}</span>
              <span className="text-sm font-normal text-slate-600">
                {group.records.length} {group.records.length === 1 ? "record" : "records"}
              </span>
            </h2>
            <ul className="grid gap-2 md:grid-cols-2">
              {group.records.map((record) => (
                <li key={record.id} className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white p-3">
                  <span className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-lg bg-accent-50 text-accent-800">
                    <RecordTypeIcon mimeType={record.mimeType} className="size-5" />
                  </span>
                  <div className="min-w-0 flex-1">
                    <Link
                      href={`/clinician/patients/${encodeURIComponent(patientId)}/records/${encodeURIComponent(record.id)}`}
                      className="block min-h-6 break-words font-semibold text-slate-900 underline-offset-2 hover:underline"
                    >
                      {record.originalName}
                      <span className="sr-only">, {typeLabel(record.mimeType)}</span>
                    </Link>
                    <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600">
                      <span>{record.dateOfService ? <LocalDay value={record.dateOfService} /> : <>Uploaded <LocalInstantDay value={record.createdAt} /></>}</span>
                      {record.sourceProvider ? <span className="truncate">{record.sourceProvider}</span> : null}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
