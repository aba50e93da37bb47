// Previous / next links for the audit lists; the URL holds the page, so the
// lists work without JavaScript and can be bookmarked.
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";

const linkClass = "inline-flex min-h-11 items-center gap-1 rounded-lg bg-white px-4 font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
const disabledClass = "inline-flex min-h-11 items-center gap-1 rounded-lg px-4 font-medium text-slate-500 ring-1 ring-inset ring-slate-200";

export function PageLinks({ page, pageCount, total, pageSize, hrefFor, noun }: { page: number; pageCount: number; total: number; pageSize: number; hrefFor: (page: number) => string; noun: string }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-slate-600">
        Showing {first}–{last} of {total} {noun} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
            <ChevronLeft aria-hidden className="size-4" /> Newer
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            <ChevronLeft aria-hidden className="size-4" /> Newer
          </span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
            Older <ChevronRight aria-hidden className="size-4" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClass}>
            Older <ChevronRight aria-hidden className="size-4" />
          </span>
        )}
      </div>
    </nav>
  );
}
