// The list's controls, as plain links and a GET form: every filter is in the
// URL, so they work before (and without) JavaScript.
import Link from "next/link";
import { SlidersHorizontal } from "lucide-react";
import { CATEGORY_LABELS } from "@/components/records/detail/labels";
import { cn } from "@/components/ui/cn";
import { RecordCategory } from "@/lib/generated/prisma/enums";
import { RECORDS_PATH, recordsHref, type RecordsQuery } from "./records-query";

const chip = "inline-flex min-h-11 shrink-0 items-center rounded-full px-4 text-sm font-medium ring-1 ring-inset whitespace-nowrap";
const chipOn = "bg-accent-700 text-white ring-accent-700";
const chipOff = "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50";

export function RecordViewToggle({ query }: { query: RecordsQuery }) {
  const views = [
    { view: "category", label: "By category" },
    { view: "timeline", label: "Timeline" },
  ] as const;
  return (
    <nav aria-label="View" className="inline-flex rounded-lg bg-slate-100 p-1">
      {views.map(({ view, label }) => (
        <Link
          key={view}
          href={recordsHref(query, { view })}
          aria-current={query.view === view ? "page" : undefined}
          className={cn(
            "inline-flex min-h-10 items-center rounded-md px-4 text-sm font-semibold",
            query.view === view ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:text-slate-900",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

export function RecordCategoryChips({ query }: { query: RecordsQuery }) {
  return (
    <nav aria-label="Category" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-2 pb-1">
        <li>
          <Link href={recordsHref(query, { category: undefined })} aria-current={!query.category ? "page" : undefined} className={cn(chip, !query.category ? chipOn : chipOff)}>
            All
          </Link>
        </li>
        {Object.values(RecordCategory).map((category) => (
          <li key={category}>
            <Link href={recordsHref(query, { category })} aria-current={query.category === category ? "page" : undefined} className={cn(chip, query.category === category ? chipOn : chipOff)}>
              {CATEGORY_LABELS[category] ?? category}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const input = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900";

export function RecordFilterForm({ query, error }: { query: RecordsQuery; error?: string }) {
  const open = Boolean(query.from || query.to || query.provider || query.sort !== "createdAt" || error);
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 py-2 font-medium text-slate-800">
        <SlidersHorizontal aria-hidden className="size-4" />
        Dates, provider and sort
        <span className="ml-auto text-sm text-slate-600 group-open:hidden">Show</span>
        <span className="ml-auto hidden text-sm text-slate-600 group-open:inline">Hide</span>
      </summary>
      <form method="get" action={RECORDS_PATH} className="grid grid-cols-2 gap-3 border-t border-slate-200 p-4">
        {query.view !== "category" ? <input type="hidden" name="view" value={query.view} /> : null}
        {query.archived ? <input type="hidden" name="archived" value="1" /> : null}
        {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="records-from" className="font-medium text-slate-800">
            From
          </label>
          <input id="records-from" name="from" type="date" defaultValue={query.from ?? ""} className={input} aria-describedby={error ? "records-filter-error" : undefined} />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="records-to" className="font-medium text-slate-800">
            To
          </label>
          <input id="records-to" name="to" type="date" defaultValue={query.to ?? ""} className={input} aria-describedby={error ? "records-filter-error" : undefined} />
        </div>
        {error ? (
          <p id="records-filter-error" className="col-span-2 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <div className="col-span-2 flex flex-col gap-1.5">
          <label htmlFor="records-provider" className="font-medium text-slate-800">
            Provider
          </label>
          <input id="records-provider" name="provider" type="search" maxLength={200} defaultValue={query.provider ?? ""} placeholder="Hospital, clinic or doctor" className={input} />
        </div>
        {query.view === "category" ? (
          <div className="col-span-2 flex flex-col gap-1.5">
            <label htmlFor="records-sort" className="font-medium text-slate-800">
              Sort by
            </label>
            <select id="records-sort" name="sort" defaultValue={query.sort} className={input}>
              <option value="createdAt">Upload date, newest first</option>
              <option value="dateOfService">Date of service, newest first</option>
            </select>
          </div>
        ) : (
          <p className="col-span-2 text-sm text-slate-600">The timeline is sorted by date of service.</p>
        )}
        <div className="col-span-2 flex flex-wrap items-center gap-3">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-white px-5 font-semibold text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Apply
          </button>
          {query.from || query.to || query.provider || query.sort !== "createdAt" ? (
            <Link href={recordsHref(query, { from: undefined, to: undefined, provider: undefined, sort: "createdAt" })} className="min-h-11 content-center px-2 font-medium text-accent-800 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
