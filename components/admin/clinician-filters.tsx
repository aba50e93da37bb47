// Tabs and search of the clinician list. Plain links and a GET form: the URL
// holds every filter, so the list works without JavaScript and can be bookmarked.
import Link from "next/link";
import { Search } from "lucide-react";
import type { ClinicianList } from "@/lib/admin/clinicians/list-clinicians";
import { STATUS_FILTERS, type TClinicianListQuery, type TStatusFilter } from "@/lib/admin/clinicians/schemas";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CLINICIANS_PATH, clinicianListHref } from "./clinician-list-href";

const TAB_LABELS: Record<TStatusFilter, string> = { pending: "Pending", active: "Active", suspended: "Suspended", all: "All" };

export function ClinicianStatusTabs({ query, counts }: { query: TClinicianListQuery; counts: ClinicianList["counts"] }) {
  return (
    <nav aria-label="Filter by status" className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {STATUS_FILTERS.map((status) => {
          const current = status === query.status;
          return (
            <li key={status}>
              <Link
                href={clinicianListHref(query, { status, page: 1 })}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center gap-2 border-b-2 px-4 font-medium",
                  current ? "border-accent-700 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {TAB_LABELS[status]}
                <span className={cn("rounded-full px-2 text-sm", current ? "bg-accent-100 text-accent-900" : "bg-slate-100 text-slate-700")}>
                  {counts[status]}
                  <span className="sr-only"> accounts</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function ClinicianSearchForm({ query }: { query: TClinicianListQuery }) {
  return (
    <form method="get" action={CLINICIANS_PATH} role="search" className="flex flex-wrap items-end gap-3">
      {query.status !== "pending" ? <input type="hidden" name="status" value={query.status} /> : null}
      {query.sort !== "createdAt" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex min-w-72 flex-1 flex-col gap-1.5">
        <label htmlFor="clinician-search" className="font-medium text-slate-800">
          Search
        </label>
        <input
          id="clinician-search"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={100}
          placeholder="Name, email, organization or license number"
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base placeholder:text-slate-500"
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="clinician-role" className="font-medium text-slate-800">
          Role
        </label>
        <select id="clinician-role" name="role" defaultValue={query.role ?? ""} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base">
          <option value="">All clinicians</option>
          <option value="physician">Physicians</option>
          <option value="nurse">Nurses</option>
          <option value="staff">Staff</option>
          <option value="patient">Patients</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        <Search aria-hidden className="size-4" />
        Search
      </Button>
      {query.q || query.role ? (
        <Link href={clinicianListHref({ ...query, q: undefined, role: undefined, page: 1 })} className="min-h-11 content-center px-2 font-medium text-accent-700 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
