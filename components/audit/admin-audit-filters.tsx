// The admin audit search: a GET form, so the URL holds the filters, the page
// works without JavaScript, and the export posts exactly the same filters.
import { ADMIN_AUDIT_PATH, type TAdminAuditQuery } from "@/lib/admin/audit/schemas";
import { Button } from "@/components/ui/button";
import { ClearFilters, DateFilter, FilterField, filterControl as control } from "./filter-fields";

function TextFilter({ id, name, label, value, placeholder }: { id: string; name: string; label: string; value: string; placeholder: string }) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} name={name} type="search" defaultValue={value} placeholder={placeholder} maxLength={254} autoComplete="off" className={control} />
    </FilterField>
  );
}

export function AdminAuditFilters({ query }: { query: TAdminAuditQuery }) {
  const filtered = Boolean(query.user || query.patient || query.action || query.outcome || query.from || query.to);
  return (
    <form method="get" action={ADMIN_AUDIT_PATH} role="search" aria-label="Search the audit trail" className="grid grid-cols-1 gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
      <TextFilter id="audit-user" name="user" label="User (who acted)" value={query.user} placeholder="Email or user id" />
      <TextFilter id="audit-patient" name="patient" label="Patient" value={query.patient} placeholder="Email or user id" />
      <TextFilter id="audit-action" name="action" label="Action" value={query.action} placeholder="record.downloaded or record." />
      <FilterField id="audit-outcome" label="Outcome">
        <select id="audit-outcome" name="outcome" defaultValue={query.outcome ?? ""} className={control}>
          <option value="">Allowed and denied</option>
          <option value="ALLOWED">Allowed</option>
          <option value="DENIED">Denied</option>
        </select>
      </FilterField>
      <DateFilter id="audit-from" name="from" label="From (UTC)" value={query.from} />
      <DateFilter id="audit-to" name="to" label="To (UTC)" value={query.to} />
      <div className="flex flex-wrap items-end gap-2 lg:col-span-2">
        <Button type="submit">Search</Button>
        {filtered ? <ClearFilters href={ADMIN_AUDIT_PATH} /> : null}
      </div>
    </form>
  );
}
