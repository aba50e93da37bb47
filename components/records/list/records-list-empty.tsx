// What an empty list says, depending on why it is empty.
import Link from "next/link";
import { Archive, SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { hasFilters, recordsHref, type RecordsQuery } from "./records-query";

const linkClass = "inline-flex min-h-11 items-center font-medium text-accent-800 underline";

export function RecordsListEmpty({ query }: { query: RecordsQuery }) {
  const filtered = hasFilters(query);
  if (query.archived && !filtered) {
    return (
      <EmptyState icon={Archive} title="Nothing archived" action={<Link href={recordsHref(query, { archived: false })} className={linkClass}>Back to my records</Link>}>
        Archive records you no longer need day to day. They stay safe and you can restore them at any time.
      </EmptyState>
    );
  }
  if (!filtered) {
    return (
      <EmptyState icon={Archive} title="No records here" action={<Link href={recordsHref(query, { archived: true })} className={linkClass}>Show archived</Link>}>
        Upload a record above, or find the ones you archived.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={SearchX}
      title="No records match these filters"
      action={
        <Link href={recordsHref(query, { category: undefined, from: undefined, to: undefined, provider: undefined })} className={linkClass}>
          Clear all filters
        </Link>
      }
    >
      Try another category or a wider date range. New uploads appear under “Not sorted yet” until MedVault has read them.
    </EmptyState>
  );
}
