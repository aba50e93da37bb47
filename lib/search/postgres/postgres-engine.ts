// The embedded search engine: Postgres full-text search over one document per
// record (RecordSearchDocument), weighted A (file name, tags), B (category,
// provider, modality, body part, keywords, DICOM descriptions) and C (extracted
// text), with prefix matching (to_tsquery ':*') and typo tolerance (pg_trgm
// word similarity against the distinct words of the documents of the patients
// in the searcher's scope, kept in "SearchWord"). The searcher's access
// scope and the filters are conditions in the same statement, so paging and
// counts only ever see what the searcher may see: on the document's copies of
// the record's facts when there is text (owner never changes; category, status
// and dates are re-copied by the index job after every change), on the live
// "Record" row otherwise. searchRecords re-checks every hit against Record.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_END, HIGHLIGHT_START, toHighlightSegments } from "../highlight";
import { MIN_TYPO_TERM_LENGTH, queryTerms } from "../query-terms";
import { buildSearchDocument } from "../search-document";
import { SearchUnavailableError, type EngineHit, type EngineResult, type SearchEngine, type SearchQuery, type SearchableRecord } from "../types";
import type { AccessScope } from "../access-scope";
import { accessSql, documentAccessSql, RECORD_COLUMNS, scopeOwners } from "./access-sql";

/** pg_trgm word similarity at which a word counts as a typo of a query term. */
export const TYPO_SIMILARITY = 0.5;
/**
 * With relevance order, how many of the newest matches are ranked. Ranking reads
 * every ranked document, so ranking all of a clinician's thousands of matches
 * costs hundreds of milliseconds; beyond this many, matches follow newest first.
 */
export const RANKED_CANDIDATES = 500;
/** Snippets are cut from the start of long texts only: ts_headline parses all it is given. */
const HEADLINE_CHARS = 20_000;
const MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}"`;
const TITLE_OPTIONS = `${MARKS}, HighlightAll=true`;
const SNIPPET_OPTIONS = `${MARKS}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Named, so the job's retry line in the log says why ("RecordChangedWhileIndexingError", not "Error"). */
class RecordChangedWhileIndexingError extends Error {
  override name = "RecordChangedWhileIndexingError";
  constructor() {
    super("The record changed while it was being indexed");
  }
}

interface TermQuery {
  term: string;
  /** The term's stemmed prefix query as tsquery text; "" for a stop word. */
  tsquery: string;
}

/** Stems each term with the english configuration ("fractures" -> 'fractur':*). Values are bound, never spliced. */
async function stemTerms(terms: string[]): Promise<TermQuery[]> {
  if (terms.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ term: string; tsquery: string }>>`
    SELECT u.t AS term, to_tsquery('english', quote_literal(u.t) || ':*')::text AS tsquery
    FROM unnest(${terms}::text[]) WITH ORDINALITY AS u(t, n) ORDER BY u.n`;
  return rows;
}

/** The filters on the live record (r) or on a document's copies of its facts (d). */
function filterSql(query: SearchQuery, on: "r" | "d"): Prisma.Sql[] {
  const col = (name: string) => Prisma.raw(`${on}."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (!query.includeArchived) parts.push(Prisma.sql`${col("status")} = 'READY'`);
  if (query.patientId) parts.push(Prisma.sql`${col("ownerId")} = ${query.patientId}`);
  // Compared as the enum (validated values), not as text: cheap, so evaluated before the
  // text conditions, and estimated from the column's statistics.
  if (query.category) parts.push(Prisma.sql`${col("category")} = ${query.category}::"RecordCategory"`);
  if (query.modality) parts.push(Prisma.sql`${col("modality")} = ${query.modality}::"ImagingModality"`);
  if (query.provider) {
    parts.push(on === "d" ? Prisma.sql`d."providerKey" = lower(btrim(${query.provider}))` : Prisma.sql`lower(btrim(r."sourceProvider")) = lower(btrim(${query.provider}))`);
  }
  if (query.from) parts.push(Prisma.sql`${col("dateOfService")} >= ${query.from}::date`);
  if (query.to) parts.push(Prisma.sql`${col("dateOfService")} <= ${query.to}::date`);
  return parts;
}

/** Newest date of service first (undated last), then newest upload, on the list of matches (m). */
const DATE_ORDER = Prisma.raw(`m."dateOfService" DESC NULLS LAST, m."createdAt" DESC, m."id"`);

export class PostgresSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;
  private readonly rankedCandidates: number;

  /** `rankedCandidates`: see RANKED_CANDIDATES (smaller in tests, to cross the boundary with a few records). */
  constructor(options: { rankedCandidates?: number } = {}) {
    this.rankedCandidates = options.rankedCandidates ?? RANKED_CANDIDATES;
  }

  async prepare(): Promise<void> {
    // The table and its indexes come with the migrations.
  }

  async clear(): Promise<void> {
    await db.$executeRaw`DELETE FROM "RecordSearchDocument"`;
    await db.$executeRaw`DELETE FROM "SearchWord"`;
  }

  /**
   * Writes the document only while the record is still as it was read (same
   * updatedAt): a slower job holding older values can never overwrite a newer
   * document (the newer change has its own job queued). A record deleted in
   * the meantime gets no document.
   */
  async indexRecord(options: { record: SearchableRecord }): Promise<void> {
    const { record } = options;
    const doc = buildSearchDocument(record);
    const lexicon = ` ${doc.lexicon.join(" ")} `;
    const labels = [doc.labels, doc.dicomText].filter(Boolean).join("\n");
    // Bound as text: Record.updatedAt is a timestamp without time zone holding UTC.
    const unchanged = record.updatedAt ? Prisma.sql`AND r."updatedAt" = ${record.updatedAt.toISOString()}::timestamp(3)` : Prisma.empty;
    // The words the document had before, so those its new text dropped can leave the vocabulary.
    const [previous] = await db.$queryRaw<Array<{ ownerId: string; lexicon: string }>>`
      SELECT "ownerId", "lexicon" FROM "RecordSearchDocument" WHERE "recordId" = ${record.id}`;
    const written = await db.$executeRaw`
      INSERT INTO "RecordSearchDocument" ("recordId", "ownerId", "status", "category", "modality", "providerKey", "dateOfService", "recordCreatedAt", "title", "labels", "content", "lexicon", "document", "recordVersion", "indexedAt")
      SELECT r."id", r."ownerId", r."status", r."category", r."modality", lower(btrim(r."sourceProvider")), r."dateOfService", r."createdAt", ${doc.title}, ${labels}, ${doc.content}, ${lexicon},
        setweight(to_tsvector('english', ${doc.primary}), 'A')
          || setweight(to_tsvector('english', ${labels}), 'B')
          || setweight(to_tsvector('english', ${doc.content}), 'C'),
        ${record.version}, now()
      FROM "Record" r WHERE r."id" = ${record.id} ${unchanged}
      ON CONFLICT ("recordId") DO UPDATE SET
        "ownerId" = EXCLUDED."ownerId", "status" = EXCLUDED."status", "category" = EXCLUDED."category", "modality" = EXCLUDED."modality",
        "providerKey" = EXCLUDED."providerKey", "dateOfService" = EXCLUDED."dateOfService", "recordCreatedAt" = EXCLUDED."recordCreatedAt",
        "title" = EXCLUDED."title", "labels" = EXCLUDED."labels", "content" = EXCLUDED."content",
        "lexicon" = EXCLUDED."lexicon", "document" = EXCLUDED."document",
        "recordVersion" = EXCLUDED."recordVersion", "indexedAt" = EXCLUDED."indexedAt"`;
    if (written === 0 && (await db.record.count({ where: { id: record.id } })) > 0) {
      // Changed since it was read: fail so the job runs again with the current values.
      throw new RecordChangedWhileIndexingError();
    }
    if (written > 0) await addSearchWords({ recordId: record.id, words: doc.lexicon });
    if (written > 0 && previous) {
      const kept = new Set(doc.lexicon);
      const dropped = previous.lexicon.split(" ").filter((word) => word && !kept.has(word));
      await pruneSearchWords({ ownerId: previous.ownerId, lexicon: dropped.join(" ") });
    }
  }

  async indexRecords(options: { records: SearchableRecord[] }): Promise<number> {
    let written = 0;
    for (const record of options.records) {
      try {
        await this.indexRecord({ record });
        written++;
      } catch (error) {
        // Changed while read: its own index job (queued by the change) writes it.
        if (!(error instanceof RecordChangedWhileIndexingError)) throw error;
      }
    }
    return written;
  }

  async removeRecord(options: { recordId: string }): Promise<void> {
    const removed = await db.$queryRaw<Array<{ ownerId: string; lexicon: string }>>`
      DELETE FROM "RecordSearchDocument" WHERE "recordId" = ${options.recordId} RETURNING "ownerId", "lexicon"`;
    for (const document of removed) await pruneSearchWords({ ownerId: document.ownerId, lexicon: document.lexicon });
  }

  async search(options: { query: SearchQuery; scope: AccessScope }): Promise<EngineResult> {
    try {
      return await this.run(options);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientInitializationError) throw error;
      if (isConnectionError(error)) throw new SearchUnavailableError(this.name, error);
      throw error;
    }
  }

  private async run(options: { query: SearchQuery; scope: AccessScope }): Promise<EngineResult> {
    const { query, scope } = options;
    if (scope.kind === "none") return { hits: [], total: 0 };
    const terms = (await stemTerms(queryTerms(query.text))).filter((t) => t.tsquery !== "");
    const filtered = Boolean(query.patientId || query.category || query.modality || query.provider || query.from || query.to);
    // Nothing to look for (no text, or only stop words like "the", and no filter).
    if (terms.length === 0 && !filtered) return { hits: [], total: 0 };

    const exact = await this.select({ query, scope, terms, typos: new Map() });
    const eligible = terms.filter(typoEligible);
    if (exact.total > 0 || eligible.length === 0) return exact;
    // Nothing matched as typed: try again letting each longer term that is not a word of
    // any record the searcher may see (so no misspelling: the filters left nothing) match a
    // similar word. Checking first spares a real word that the filters excluded a vocabulary
    // lookup and a second search that could only widen it into other words.
    const known = await knownTerms(scope, eligible);
    const unknown = eligible.filter((term) => !known.has(term.term)).map((term) => term.term);
    if (unknown.length === 0) return exact;
    return this.select({ query, scope, terms, typos: await similarWords(scope, unknown) });
  }

  /** `typos`: the terms (as typed) that may also match similar words, with those words as tsquery text. */
  private async select(options: { query: SearchQuery; scope: AccessScope; terms: TermQuery[]; typos: Map<string, string> }): Promise<EngineResult> {
    const { query, scope, terms, typos } = options;
    const hasText = terms.length > 0;
    // With text, candidates come from the documents alone: the owner index and the text
    // index combine (BitmapAnd) before a row is read. Without text, from the records.
    const conditions: Prisma.Sql[] = hasText
      ? [documentAccessSql(scope), ...filterSql(query, "d")]
      : [accessSql(scope, RECORD_COLUMNS), ...filterSql(query, "r")];
    for (const term of terms) {
      conditions.push(
        typos.has(term.term)
          ? Prisma.sql`d."document" @@ (${term.tsquery}::tsquery || ${typos.get(term.term)}::tsquery)`
          : Prisma.sql`d."document" @@ ${term.tsquery}::tsquery`,
      );
    }
    const similar = terms.filter((t) => typos.has(t.term)).map((t) => typos.get(t.term)!);
    const anyTerm = terms.map((t) => `(${t.tsquery})`).join(" | ");
    const rank = hasText ? Prisma.sql`ts_rank_cd(d."document", ${anyTerm}::tsquery, 1)` : Prisma.sql`0::real`;
    const sortByRank = hasText && query.sort === "relevance";
    // Highlights: the terms as typed, plus for typo matches the words they were taken to mean.
    const corrections = similar.length ? Prisma.sql` || ${Prisma.join(similar.map((words) => Prisma.sql`${words}::tsquery`), " || ")}` : Prisma.empty;
    const headlineQuery = hasText ? Prisma.sql`(${anyTerm}::tsquery${corrections})` : Prisma.sql`''::tsquery`;

    // 1. Every match, narrow columns only: the owner and text indexes combine (BitmapAnd) and the
    //    heap is read once for the filters; the document itself is not read here.
    // 2. The exact count, from that list.
    // 3. The page: by date straight from the list; by relevance, the newest RANKED_CANDIDATES
    //    matches are ranked (ts_rank_cd reads and decompresses each document, the dominant cost
    //    when thousands match) and any matches beyond them follow, newest first.
    const source = hasText
      ? Prisma.sql`SELECT d."recordId" AS "id", d."dateOfService", d."recordCreatedAt" AS "createdAt" FROM "RecordSearchDocument" d`
      : Prisma.sql`SELECT r."id", r."dateOfService", r."createdAt" FROM "Record" r LEFT JOIN "RecordSearchDocument" d ON d."recordId" = r."id"`;
    const end = query.offset + query.limit;
    const page = sortByRank
      ? Prisma.sql`
          SELECT c."id", c."dateOfService", c."createdAt", 0 AS tier, ${rank} AS rank
          FROM (SELECT m.* FROM matches m ORDER BY ${DATE_ORDER} LIMIT ${this.rankedCandidates}) c
          JOIN "RecordSearchDocument" d ON d."recordId" = c."id"
          ${
            end > this.rankedCandidates
              ? Prisma.sql`UNION ALL
                (SELECT m."id", m."dateOfService", m."createdAt", 1 AS tier, 0::real AS rank FROM matches m
                 ORDER BY ${DATE_ORDER} OFFSET ${this.rankedCandidates} LIMIT ${end - this.rankedCandidates})`
              : Prisma.empty
          }
          ORDER BY tier, rank DESC, "dateOfService" DESC NULLS LAST, "createdAt" DESC, "id"
          LIMIT ${query.limit} OFFSET ${query.offset}`
      : Prisma.sql`SELECT m."id", m."dateOfService", m."createdAt", 0 AS tier, 0::real AS rank FROM matches m ORDER BY ${DATE_ORDER} LIMIT ${query.limit} OFFSET ${query.offset}`;
    const statement = Prisma.sql`
      WITH matches AS MATERIALIZED (
        ${source}
        WHERE ${Prisma.join(conditions, " AND ")}
      ),
      page AS (${page})
      SELECT p."id", (SELECT count(*) FROM matches) AS total,
        ts_headline('english', coalesce(d."title", r."originalName"), hq.q, ${TITLE_OPTIONS}) AS title,
        ts_headline('english', coalesce(d."labels", ''), hq.q, ${SNIPPET_OPTIONS}) AS labels,
        ts_headline('english', left(coalesce(d."content", ''), ${HEADLINE_CHARS}), hq.q, ${SNIPPET_OPTIONS}) AS content
      FROM page p
      JOIN "Record" r ON r."id" = p."id"
      LEFT JOIN "RecordSearchDocument" d ON d."recordId" = p."id"
      CROSS JOIN LATERAL (SELECT ${headlineQuery} AS q) hq
      ORDER BY p.tier, p.rank DESC, p."dateOfService" DESC NULLS LAST, p."createdAt" DESC, p."id"`;

    const rows = await db.$queryRaw<SearchRow[]>(statement);
    return { hits: rows.map(toHit), total: rows.length ? Number(rows[0]!.total) : 0 };
  }
}

/** The terms that match, as typed, some document the scope covers (whatever the filters). */
async function knownTerms(scope: AccessScope, terms: TermQuery[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ term: string }>>`
    SELECT t.term FROM unnest(${terms.map((term) => term.term)}::text[], ${terms.map((term) => term.tsquery)}::text[]) AS t(term, q)
    WHERE EXISTS (SELECT 1 FROM "RecordSearchDocument" d WHERE ${documentAccessSql(scope)} AND d."document" @@ t.q::tsquery)`;
  return new Set(rows.map((row) => row.term));
}

const typoEligible = (term: TermQuery) => [...term.term].length >= MIN_TYPO_TERM_LENGTH;

/** How many similar words a misspelled term may stand for. */
const SIMILAR_WORDS = 20;

/**
 * For each term, the words of the scope's patients it may be a misspelling of,
 * as tsquery text ('' when none): the trigram index of "SearchWord" finds them
 * among short words, so that the text index, not a comparison with every
 * document, then finds the documents. Passed to the search statement as values,
 * so its plan is made knowing them. Words of records outside the scope may be
 * among them: they only widen the query, whose access conditions still decide
 * every match.
 */
async function similarWords(scope: AccessScope, terms: string[]): Promise<Map<string, string>> {
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`;
    return tx.$queryRaw<Array<{ term: string; words: string }>>`
      SELECT t.term, coalesce((
        SELECT to_tsquery('english', string_agg(quote_literal(s."word"), ' | '))::text
        FROM (SELECT w."word" FROM "SearchWord" w
              WHERE t.term <% w."word" AND w."ownerId" = ANY(${scopeOwners(scope)}::text[])
              GROUP BY w."word"
              ORDER BY word_similarity(t.term, w."word") DESC, w."word"
              LIMIT ${SIMILAR_WORDS}) s
      ), '') AS words
      FROM unnest(${terms}::text[]) AS t(term)`;
  });
  return new Map(rows.map((row) => [row.term, row.words]));
}

/** Adds a document's words to its owner's vocabulary; sorted, so concurrent index jobs take row locks in one order. */
async function addSearchWords(options: { recordId: string; words: string[] }): Promise<void> {
  if (options.words.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "SearchWord" ("ownerId", "word")
    SELECT d."ownerId", w FROM "RecordSearchDocument" d, unnest(${options.words}::text[]) AS w
    WHERE d."recordId" = ${options.recordId}
    ORDER BY w
    ON CONFLICT DO NOTHING`;
}

/**
 * After a document is removed, or re-indexed without some of its words: those
 * words that no other document of the owner still has leave the vocabulary (a
 * deleted record, or text a correction replaced, leaves no words behind).
 */
async function pruneSearchWords(options: { ownerId: string; lexicon: string }): Promise<void> {
  const words = options.lexicon.split(" ").filter(Boolean);
  if (words.length === 0) return;
  await db.$executeRaw`
    DELETE FROM "SearchWord" w
    WHERE w."ownerId" = ${options.ownerId} AND w."word" = ANY(${words}::text[])
      AND NOT EXISTS (
        SELECT 1 FROM "RecordSearchDocument" d
        WHERE d."ownerId" = ${options.ownerId} AND position(' ' || w."word" || ' ' IN d."lexicon") > 0)`;
}

interface SearchRow {
  id: string;
  total: bigint | number;
  title: string;
  labels: string;
  content: string;
}

function toHit(row: SearchRow): EngineHit {
  const marked = [row.content, row.labels].find((text) => text.includes(HIGHLIGHT_START)) ?? (row.content || row.labels);
  return { recordId: row.id, title: toHighlightSegments(row.title), snippet: toHighlightSegments(marked) };
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "08006", "08001"].includes(code);
}
