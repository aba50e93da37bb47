// The list's table: sortable headers are links (aria-sort tells screen readers
// the current order), each row links to the account's detail page.
import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ClinicianList } from "@/lib/admin/clinicians/list-clinicians";
import type { TClinicianListQuery } from "@/lib/admin/clinicians/schemas";
import { AccountStatusBadge } from "./account-status-badge";
import { clinicianListHref } from "./clinician-list-href";
import { LocalTime } from "./local-time";
import { roleLabel } from "./role-label";

function SortHeader({ label, field, query, list }: { label: string; field: TClinicianListQuery["sort"]; query: TClinicianListQuery; list: ClinicianList }) {
  const active = list.sort === field;
  const nextDir = active ? (list.dir === "asc" ? "desc" : "asc") : field === "name" ? "asc" : "desc";
  const Icon = !active ? ArrowUpDown : list.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (list.dir === "asc" ? "ascending" : "descending") : "none"} className="px-4 py-3 text-left font-semibold">
      <Link href={clinicianListHref(query, { sort: field, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <Icon aria-hidden className="size-4" />
        <span className="sr-only">{`, sort ${nextDir === "asc" ? "ascending" : "descending"}`}</span>
      </Link>
    </th>
  );
}

export function CliniciansTable({ list, query }: { list: ClinicianList; query: TClinicianListQuery }) {
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full min-w-[960px] text-sm">
        <caption className="sr-only">Accounts, {list.total} in this view</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            <SortHeader label="Name" field="name" query={query} list={list} />
            <th scope="col" className="px-4 py-3 text-left font-semibold">Role</th>
            <th scope="col" className="px-4 py-3 text-left font-semibold">Organization</th>
            <th scope="col" className="px-4 py-3 text-left font-semibold">License</th>
            <th scope="col" className="px-4 py-3 text-left font-semibold">Status</th>
            <SortHeader label="Signed up" field="createdAt" query={query} list={list} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/admin/clinicians/${row.id}`} className="font-medium text-accent-800 underline-offset-2 hover:underline">
                  {row.name ?? "(no name)"}
                </Link>
                <div className="text-slate-600">{row.email}</div>
              </td>
              <td className="px-4 py-3">
                {roleLabel(row.role)}
                {row.specialty ? <div className="text-slate-600">{row.specialty}</div> : null}
              </td>
              <td className="px-4 py-3">{row.organization ?? "—"}</td>
              <td className="px-4 py-3 font-mono">{row.licenseNumber ?? "—"}</td>
              <td className="px-4 py-3">
                <AccountStatusBadge status={row.status} />
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                <LocalTime value={row.createdAt} dateOnly />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
