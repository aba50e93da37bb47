// The records home's state lives in the URL (filters, sort, view, archived), so
// it works without JavaScript, survives reloads and can be bookmarked. Unknown
// or malformed values are dropped rather than failing the page.
import { RecordCategory } from "@/lib/generated/prisma/enums";
import type { TListRecordsInput } from "@/lib/validation/records";

export const RECORDS_PATH = "/patient";

export type RecordsView = "category" | "timeline";
export type RecordsSort = "dateOfService" | "createdAt";

export interface RecordsQuery {
  view: RecordsView;
  sort: RecordsSort;
  archived: boolean;
  category?: RecordCategory;
  from?: string;
  to?: string;
  provider?: string;
  cursor?: string;
}

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | undefined) => (value && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);

export function parseRecordsQuery(params: RawParams): RecordsQuery {
  const category = first(params.category);
  const provider = first(params.provider);
  const cursor = first(params.cursor);
  return {
    view: first(params.view) === "timeline" ? "timeline" : "category",
    sort: first(params.sort) === "dateOfService" ? "dateOfService" : "createdAt",
    archived: first(params.archived) === "1",
    ...(category && category in RecordCategory && { category: category as RecordCategory }),
    ...(validDate(first(params.from)) && { from: validDate(first(params.from)) }),
    ...(validDate(first(params.to)) && { to: validDate(first(params.to)) }),
    ...(provider && { provider: provider.slice(0, 200) }),
    ...(cursor && cursor.length <= 64 && { cursor }),
  };
}

/** What listRecords gets. The timeline groups by date of service, so it sorts by it. */
export function toListInput(query: RecordsQuery, limit: number): TListRecordsInput {
  return {
    status: query.archived ? "ARCHIVED" : "READY",
    sort: query.view === "timeline" ? "dateOfService" : query.sort,
    direction: "desc",
    limit,
    ...(query.category && { category: query.category }),
    ...(query.from && { from: query.from }),
    ...(query.to && { to: query.to }),
    ...(query.provider && { provider: query.provider }),
    ...(query.cursor && { cursor: query.cursor }),
  };
}

export function hasFilters(query: RecordsQuery): boolean {
  return Boolean(query.category || query.from || query.to || query.provider);
}

/** The URL of `query` with `patch` applied; a new filter starts from the first page. */
export function recordsHref(query: RecordsQuery, patch: Partial<RecordsQuery> = {}): string {
  const next: RecordsQuery = { ...query, cursor: undefined, ...patch };
  const params = new URLSearchParams();
  if (next.view !== "category") params.set("view", next.view);
  if (next.sort !== "createdAt") params.set("sort", next.sort);
  if (next.archived) params.set("archived", "1");
  if (next.category) params.set("category", next.category);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.provider) params.set("provider", next.provider);
  if (next.cursor) params.set("cursor", next.cursor);
  const search = params.toString();
  return search ? `${RECORDS_PATH}?${search}` : RECORDS_PATH;
}
