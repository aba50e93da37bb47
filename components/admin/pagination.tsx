import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ClinicianList } from "@/lib/admin/clinicians/list-clinicians";
import type { TClinicianListQuery } from "@/lib/admin/clinicians/schemas";
import { clinicianListHref } from "./clinician-list-href";

const linkClass = "inline-flex min-h-11 items-center gap-1 rounded-lg px-4 font-medium ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50";
const disabledClass = "inline-flex min-h-11 items-center gap-1 rounded-lg px-4 font-medium text-slate-500 ring-1 ring-inset ring-slate-200";

export function ClinicianPagination({ list, query }: { list: ClinicianList; query: TClinicianListQuery }) {
  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.page * list.pageSize, list.total);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-slate-600">
        Showing {first}–{last} of {list.total} · page {list.page} of {list.pageCount}
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link href={clinicianListHref(query, { page: list.page - 1 })} rel="prev" className={linkClass}>
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </span>
        )}
        {list.page < list.pageCount ? (
          <Link href={clinicianListHref(query, { page: list.page + 1 })} rel="next" className={linkClass}>
            Next <ChevronRight aria-hidden className="size-4" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Next <ChevronRight aria-hidden className="size-4" />
          </span>
        )}
      </div>
    </nav>
  );
}
