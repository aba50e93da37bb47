// The filters of "Who saw my data": a GET form, so the URL holds them and the
// page works without JavaScript. Stacks on a phone, one row on a desktop.
import { ACTIVITY_GROUPS, type TActivityQuery } from "@/lib/audit/activity-schema";
import { Button } from "@/components/ui/button";
import { ClearFilters, DateFilter, FilterField, filterControl as control } from "./filter-fields";

export function ActivityFilters({ query, people, action = "/patient/activity" }: { query: TActivityQuery; people: { id: string; label: string }[]; action?: string }) {
  const filtered = Boolean(query.who || query.what || query.from || query.to);
  return (
    <form method="get" action={action} role="search" aria-label="Filter the activity" className="grid grid-cols-1 gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <FilterField id="activity-who" label="Who">
        <select id="activity-who" name="who" defaultValue={query.who} className={control}>
          <option value="">Everyone</option>
          <option value="others">Everyone but me</option>
          <option value="me">Only me</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="activity-what" label="What">
        <select id="activity-what" name="what" defaultValue={query.what ?? ""} className={control}>
          <option value="">Everything</option>
          {Object.entries(ACTIVITY_GROUPS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FilterField>
      <DateFilter id="activity-from" name="from" label="From" value={query.from} />
      <DateFilter id="activity-to" name="to" label="To" value={query.to} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Show</Button>
        {filtered ? <ClearFilters href={action} /> : null}
      </div>
    </form>
  );
}
