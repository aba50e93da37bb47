import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SearchView, type SearchFormValues, type SearchState } from "@/components/search/search-view";
import { requireUser } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { auditSearchResults } from "@/lib/search/audit-search-results";
import { searchFilterOptions } from "@/lib/search/search-filter-options";
import { searchRecords } from "@/lib/search/search-records";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ roles: ["PATIENT", "PHYSICIAN", "NURSE", "STAFF"], returnTo: "/search" });
  const raw = await searchParams;
  const values: SearchFormValues = {
    q: first(raw.q).slice(0, 200),
    category: first(raw.category),
    modality: first(raw.modality),
    provider: first(raw.provider),
    from: first(raw.from),
    to: first(raw.to),
    patient: user.role === "PATIENT" ? "" : first(raw.patient),
    archived: first(raw.archived) === "1",
    sort: first(raw.sort) === "date" ? "date" : "relevance",
  };

  let state: SearchState = { searched: false, hits: [], total: 0, hasMore: false, page: 1, error: null };
  try {
    const result = await searchRecords({ actor: user, input: values });
    await auditSearchResults({ actor: user, hits: result.hits, context: await requestContext() });
    state = { searched: result.searched, hits: result.hits, total: result.total, hasMore: result.hasMore, page: 1, error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // An engine outage or a bad address: the page still works and says what happened.
    state = { ...state, error: toPublicError(error).message };
  }
  const options = await searchFilterOptions({ actor: user });
  const clinician = user.role !== "PATIENT";

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader
        title="Search"
        description={clinician ? "Search the records your patients shared with you." : "Search all your records: file names, categories, providers and the text inside them."}
      />
      <SearchView initialValues={values} initialState={state} providers={options.providers} patients={options.patients} />
    </div>
  );
}
