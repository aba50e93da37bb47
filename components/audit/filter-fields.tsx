// Small labelled fields shared by the audit filter forms (GET forms: plain
// inputs with names and default values, no client state).
import Link from "next/link";
import type { ReactNode } from "react";

export const filterControl = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500";

/** A label above its control; `id` ties them together. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

export function DateFilter({ id, name, label, value }: { id: string; name: string; label: string; value: string | undefined }) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} name={name} type="date" defaultValue={value ?? ""} className={filterControl} />
    </FilterField>
  );
}

/** "Clear": back to the unfiltered page. */
export function ClearFilters({ href }: { href: string }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-accent-800 underline underline-offset-2">
      Clear
    </Link>
  );
}
