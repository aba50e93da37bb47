// Search for the signed-in user: what they typed and chose, limited to the
// records they may see right now (lib/authz, applied inside the engine's query),
// then every hit re-checked against Postgres with the same rule before it is
// shown, with the current title, dates and labels. An engine outage is a
// specific, user-safe error; nothing else in the app depends on search.
import type { Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ImagingModality, Prisma, RecordCategory, RecordStatus } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { parseInput } from "@/lib/validation/parse-input";
import { searchAccessScope } from "./access-scope";
import { searchEngine } from "./engine";
import { plainSegments, type HighlightSegment } from "./highlight";
import { hasSearchCriteria, SEARCH_PAGE_SIZE, ZSearchSchema, type TSearchInput, type TSearchParams } from "./search-schema";
import { SearchUnavailableError, type SearchEngine, type SearchQuery } from "./types";

export const SEARCH_UNAVAILABLE_MESSAGE =
  "Search is unavailable right now. Your records are safe and the rest of MedVault works as usual; please try searching again in a few minutes.";

export interface SearchResultItem {
  recordId: string;
  patientId: string;
  /** The patient's name, for clinicians; null on one's own records. */
  patientName: string | null;
  title: HighlightSegment[];
  snippet: HighlightSegment[];
  category: RecordCategory | null;
  modality: ImagingModality | null;
  sourceProvider: string | null;
  /** "YYYY-MM-DD" or null. */
  dateOfService: string | null;
  status: RecordStatus;
  /** The record's page for this user. */
  href: string;
}

export interface SearchRecordsResult {
  params: TSearchParams;
  /** False when there was nothing to search for (no text, no filter). */
  searched: boolean;
  hits: SearchResultItem[];
  total: number;
  hasMore: boolean;
  engine: SearchEngine["name"];
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function namesOf(userIds: string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name]));
}

export async function searchRecords(options: { actor: Actor; input: TSearchInput; engine?: SearchEngine }): Promise<SearchRecordsResult> {
  const { actor } = options;
  const params = parseInput(ZSearchSchema, options.input);
  const engine = options.engine ?? searchEngine();
  const empty: SearchRecordsResult = { params, searched: false, hits: [], total: 0, hasMore: false, engine: engine.name };
  if (!hasSearchCriteria(params)) return empty;

  // Patients search their own records; the patient filter narrows a clinician's.
  const patientId = actor.role === "PATIENT" ? undefined : params.patient;
  const scope = await searchAccessScope({ actor, patientId });
  if (scope.kind === "none") return { ...empty, searched: true };

  const query: SearchQuery = {
    text: params.q,
    category: params.category,
    modality: params.modality,
    provider: params.provider,
    from: params.from,
    to: params.to,
    patientId,
    includeArchived: params.archived,
    sort: params.sort,
    limit: SEARCH_PAGE_SIZE,
    offset: (params.page - 1) * SEARCH_PAGE_SIZE,
  };

  let result;
  try {
    result = await engine.search({ query, scope });
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      logger.warn("search.unavailable", { engine: engine.name, error: error.cause instanceof Error ? error.cause.name : "unknown" });
      throw new AppError("SERVICE_UNAVAILABLE", SEARCH_UNAVAILABLE_MESSAGE);
    }
    throw error;
  }

  // The re-check: the same access rule as the engine's query, read from Postgres now.
  const ids = result.hits.map((hit) => hit.recordId);
  const filters: Prisma.RecordWhereInput[] = [scope.where, { id: { in: ids } }];
  if (!params.archived) filters.push({ status: "READY" });
  if (patientId) filters.push({ ownerId: patientId });
  const rows = ids.length
    ? await db.record.findMany({
        where: { AND: filters },
        select: {
          id: true,
          ownerId: true,
          originalName: true,
          category: true,
          modality: true,
          sourceProvider: true,
          dateOfService: true,
          status: true,
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const own = actor.role === "PATIENT";
  // Patients' names for clinicians only: a patient's own results need no second query.
  const patientNames = own ? new Map<string, string | null>() : await namesOf([...new Set(rows.map((row) => row.ownerId))]);
  const hits: SearchResultItem[] = [];
  for (const hit of result.hits) {
    const row = byId.get(hit.recordId);
    if (!row) continue;
    const titleText = hit.title.map((segment) => segment.text).join("");
    hits.push({
      recordId: row.id,
      patientId: row.ownerId,
      patientName: own ? null : (patientNames.get(row.ownerId) ?? "Patient"),
      // The engine's highlighted title only while it is still the record's name.
      title: titleText === row.originalName ? hit.title : plainSegments(row.originalName),
      snippet: hit.snippet,
      category: row.category,
      modality: row.modality,
      sourceProvider: row.sourceProvider,
      dateOfService: isoDate(row.dateOfService),
      status: row.status,
      href: own ? `/patient/records/${row.id}` : `/clinician/patients/${row.ownerId}/records/${row.id}`,
    });
  }
  const dropped = result.hits.length - hits.length;
  return {
    params,
    searched: true,
    hits,
    total: Math.max(0, result.total - dropped),
    hasMore: query.offset + result.hits.length < result.total,
    engine: engine.name,
  };
}
