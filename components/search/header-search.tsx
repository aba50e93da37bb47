import Link from "next/link";
import { Search } from "lucide-react";
import { openSearchAction } from "./actions";

/** The search box of the site header: a field on wide screens, an icon link to /search on phones. */
export function HeaderSearch() {
  return (
    <>
      <form action={openSearchAction} method="post" role="search" className="ml-4 hidden max-w-xs flex-1 md:flex">
        <label htmlFor="header-search" className="sr-only">
          Search records
        </label>
        <input
          id="header-search"
          name="q"
          type="search"
          maxLength={200}
          placeholder="Search records"
          autoComplete="off"
          className="min-h-11 w-full rounded-l-lg border border-r-0 border-slate-300 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500"
        />
        <button type="submit" className="flex min-h-11 min-w-11 items-center justify-center rounded-r-lg border border-slate-300 bg-slate-50 text-slate-700 hover:bg-slate-100">
          <Search aria-hidden className="size-5" />
          <span className="sr-only">Search</span>
        </button>
      </form>
      <Link href="/search" className="ml-auto flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 md:hidden">
        <Search aria-hidden className="size-6" />
        <span className="sr-only">Search records</span>
      </Link>
    </>
  );
}
