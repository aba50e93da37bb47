import type { Metadata } from "next";
import Link from "next/link";
import { Archive } from "lucide-react";
import { RecordCategoryChips, RecordFilterForm, RecordViewToggle } from "@/components/records/list/record-filters";
import { RecordList } from "@/components/records/list/record-list";
import { RecordsListEmpty } from "@/components/records/list/records-list-empty";
import { RecordsPager } from "@/components/records/list/records-pager";
import { hasFilters, parseRecordsQuery, recordsHref, toListInput } from "@/components/records/list/records-query";
import { RecordsToastProvider } from "@/components/records/list/records-toast";
import { RecordsUploader } from "@/components/records/upload/records-uploader";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { auditThumbnailsListed } from "@/lib/records/audit-thumbnails-listed";
import { listRecords, type ListRecordsResult } from "@/lib/records/list-records";
import { archiveRecordAction, restoreRecordAction } from "./actions";

export const metadata: Metadata = { title: "My records" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PatientHomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ roles: ["PATIENT"], returnTo: "/patient" });
  const params = await searchParams;
  const query = parseRecordsQuery(params);
  // Set by the record page after a delete, which has nowhere else to say so.
  const deleted = params.notice === "record_deleted";

  let result: ListRecordsResult = { records: [], nextCursor: null };
  let error: string | undefined;
  try {
    result = await listRecords({ actor: user, input: toListInput(query, PAGE_SIZE) });
  } catch (caught) {
    // Bad filters (start after end, a stale cursor) are the user's to fix; anything else is a real failure.
    if (!(caught instanceof AppError) || caught.code !== "VALIDATION_FAILED") throw caught;
    error = caught.message;
  }
  // The thumbnails this list shows are a view of their records: one audit event for the list (see the use case).
  await auditThumbnailsListed({ actor: user, records: result.records, context: await requestContext() });
  const empty = result.records.length === 0;
  // A first visit: nothing listed, nothing filtered, nothing archived either.
  const vaultEmpty =
    empty &&
    !error &&
    !query.archived &&
    !query.cursor &&
    !hasFilters(query) &&
    (await listRecords({ actor: user, input: { status: "ARCHIVED", limit: 1 } })).records.length === 0;

  return (
    // Above everything that re-renders after an action, so a toast (and its Undo) outlives the row.
    <RecordsToastProvider>
      <div className="mx-auto flex max-w-3xl flex-col gap-5 px-4 py-6 sm:py-8">
        <header className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{query.archived ? "Archived records" : "My records"}</h1>
          <p className="text-slate-600">
            {query.archived ? "Records you archived. Restore one to bring it back to your list." : "Your lab reports, scans and letters, in one safe place."}
          </p>
        </header>

        {deleted ? <Alert tone="success">The record was deleted. The access log keeps a note that it existed.</Alert> : null}

        {/* The same place in the tree, empty vault or not: the upload queue survives the refresh after the first upload. */}
        {!query.archived ? <RecordsUploader patientId={user.id} emptyVault={vaultEmpty} /> : null}

        {vaultEmpty ? null : (
          <>
            <div className="flex flex-col gap-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <RecordViewToggle query={query} />
                <Link href={recordsHref(query, { archived: !query.archived })} className="inline-flex min-h-11 items-center gap-1.5 px-2 text-sm font-medium text-accent-800 underline">
                  <Archive aria-hidden className="size-4" />
                  {query.archived ? "Back to my records" : "Show archived"}
                </Link>
              </div>
              <RecordCategoryChips query={query} />
              <RecordFilterForm query={query} error={error} />
            </div>

            {error ? <Alert tone="error">{error}</Alert> : null}
            {empty ? (
              error ? null : <RecordsListEmpty query={query} />
            ) : (
              <RecordList records={result.records} view={query.view} archive={archiveRecordAction} restore={restoreRecordAction} />
            )}
            <RecordsPager query={query} nextCursor={result.nextCursor} />
          </>
        )}
      </div>
    </RecordsToastProvider>
  );
}
