"use client";

// A page of records, grouped by category or by month of the date of service.
// One client component for the whole list, on purpose: rendered on the server,
// each row's link, dates and archive button were client components of their own,
// and serializing those 150 boundaries per page made the list the slowest page
// (bench:load: 42 → 60 requests/s at 50 connections with this one boundary).
// The rows are plain JSON (RecordSummary), so nothing private is added to the page.
import { categoryLabel } from "@/components/records/detail/labels";
import { groupRecords } from "./group-records";
import { LocalMonth } from "./local-dates";
import { RecordListItem, type ListedRecord } from "./record-list-item";
import type { RecordStatusAction } from "./record-status-button";
import type { RecordsView } from "./records-query";

interface RecordListProps {
  records: ListedRecord[];
  view: RecordsView;
  archive: RecordStatusAction;
  restore: RecordStatusAction;
}

export function RecordList({ records, view, archive, restore }: RecordListProps) {
  const groups = groupRecords(records, view);
  return (
    <div className="flex flex-col gap-6">
      {groups.map((group) => {
        const headingId = `records-group-${group.key}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className="flex flex-col gap-2">
            <h2 id={headingId} className="flex items-baseline justify-between gap-2 text-base font-semibold text-slate-800">
              <span>
                {group.kind === "month" ? <LocalMonth value={group.key} /> : group.kind === "category" ? categoryLabel(group.key) : view === "category" ? "Not sorted yet" : "No date of service"}
              </span>
              <span className="text-sm font-normal text-slate-600">
                {group.records.length} {group.records.length === 1 ? "record" : "records"}
              </span>
            </h2>
            <ul className="flex flex-col gap-2">
              {group.records.map((record) => (
                <RecordListItem key={record.id} record={record} archive={archive} restore={restore} showCategory={view === "timeline"} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
