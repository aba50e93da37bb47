// Groups a page of records for display: by category (fixed order, unsorted
// ones last) or by month of the date of service (as listed, undated last).
import { RecordCategory } from "@/lib/generated/prisma/enums";
import type { RecordSummary } from "@/lib/records/record-summary";
import type { RecordsView } from "./records-query";

export interface RecordGroup<R> {
  key: string;
  /** A category value, "YYYY-MM", or "none". */
  kind: "category" | "month" | "none";
  records: R[];
}

const CATEGORY_ORDER: string[] = Object.values(RecordCategory);

export function groupRecords<R extends Pick<RecordSummary, "category" | "dateOfService">>(records: R[], view: RecordsView): RecordGroup<R>[] {
  const groups = new Map<string, RecordGroup<R>>();
  for (const record of records) {
    const key = view === "category" ? (record.category ?? "none") : (record.dateOfService?.slice(0, 7) ?? "none");
    const kind = key === "none" ? "none" : view === "category" ? "category" : "month";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, kind, records: [] }));
    group.records.push(record);
  }
  const list = [...groups.values()];
  if (view === "category") {
    const rank = (group: RecordGroup<R>) => (group.kind === "none" ? CATEGORY_ORDER.length : CATEGORY_ORDER.indexOf(group.key));
    return list.sort((a, b) => rank(a) - rank(b));
  }
  // Records arrive sorted by date of service; only undated ones must go last.
  return [...list.filter((group) => group.kind !== "none"), ...list.filter((group) => group.kind === "none")];
}
