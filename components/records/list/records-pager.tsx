// Keyset paging: "Older records" carries the cursor of the last one shown.
import Link from "next/link";
import { recordsHref, type RecordsQuery } from "./records-query";

const linkClass = "inline-flex min-h-11 items-center px-2 font-medium text-accent-800 underline";

export function RecordsPager({ query, nextCursor }: { query: RecordsQuery; nextCursor: string | null }) {
  if (!nextCursor && !query.cursor) return null;
  return (
    <nav aria-label="More records" className="flex flex-wrap justify-between gap-2">
      {query.cursor ? (
        <Link href={recordsHref(query)} className={linkClass}>
          Back to the newest
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={recordsHref(query, { cursor: nextCursor })} className={linkClass}>
          Older records
        </Link>
      ) : null}
    </nav>
  );
}
