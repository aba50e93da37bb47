import Link from "next/link";
import { FileText } from "lucide-react";
import { SEARCH_CATEGORY_LABELS, SEARCH_MODALITY_LABELS } from "@/lib/search/labels";
import type { SearchResultItem } from "@/lib/search/search-records";
import { HighlightedText } from "./highlighted-text";

function formatDate(iso: string) {
  // A calendar date: shown as written, never shifted by a time zone.
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function SearchResults({ hits }: { hits: SearchResultItem[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Search results">
      {hits.map((hit) => {
        const facts = [
          hit.patientName,
          hit.category ? SEARCH_CATEGORY_LABELS[hit.category] : "Not sorted yet",
          hit.modality ? SEARCH_MODALITY_LABELS[hit.modality] : null,
          hit.dateOfService ? formatDate(hit.dateOfService) : null,
          hit.sourceProvider,
        ].filter(Boolean);
        return (
          <li key={hit.recordId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <Link href={hit.href} className="flex items-start gap-2 font-semibold text-accent-800 underline-offset-2 hover:underline">
              <FileText aria-hidden className="mt-0.5 size-5 shrink-0" />
              <span className="min-w-0 break-words">
                <HighlightedText segments={hit.title} />
              </span>
            </Link>
            <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-slate-600">
              {facts.map((fact, index) => (
                <span key={index}>
                  {index > 0 ? <span aria-hidden>· </span> : null}
                  {fact}
                </span>
              ))}
              {hit.status === "ARCHIVED" ? <span className="rounded bg-slate-200 px-1.5 font-medium text-slate-800">Archived</span> : null}
            </p>
            {hit.snippet.length ? (
              <p className="mt-2 break-words text-slate-800">
                <HighlightedText segments={hit.snippet} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
