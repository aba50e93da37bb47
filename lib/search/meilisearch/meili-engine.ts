// Meilisearch through its official client. The server holds the only key
// (never sent to a browser) and builds the access filter from the searcher's
// grants on every query (meili-filter.ts); lib/search/search-records.ts then
// re-checks every hit against Postgres before anything is shown.
import type { Meilisearch, Index } from "meilisearch";
import { HIGHLIGHT_END, HIGHLIGHT_START, toHighlightSegments } from "../highlight";
import { SearchUnavailableError, type EngineHit, type EngineResult, type SearchEngine, type SearchQuery, type SearchableRecord } from "../types";
import type { AccessScope } from "../access-scope";
import { MEILI_SETTINGS, toMeiliDocument, type MeiliRecordDocument } from "./meili-document";
import { meiliFilter } from "./meili-filter";

export interface MeiliEngineOptions {
  host: string;
  apiKey?: string;
  indexUid?: string;
  /** Per request; a search that waits longer reports the engine unavailable. */
  timeoutMs?: number;
}

const SNIPPET_FIELDS = ["content", "dicomText", "keywords", "sourceProvider", "bodyPart", "modalityLabel", "categoryLabel"] as const;

export class MeiliSearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private client: Promise<Meilisearch> | undefined;
  private prepared: Promise<void> | undefined;
  private readonly indexUid: string;

  constructor(private readonly options: MeiliEngineOptions) {
    this.indexUid = options.indexUid ?? "records";
  }

  private async index(): Promise<Index<MeiliRecordDocument>> {
    // The client is an ES module: loaded natively on first use.
    this.client ??= import("meilisearch").then(
      ({ Meilisearch: Client }) => new Client({ host: this.options.host, apiKey: this.options.apiKey, timeout: this.options.timeoutMs ?? 5_000 }),
    );
    return (await this.client).index<MeiliRecordDocument>(this.indexUid);
  }

  /** Runs a call; network and server failures become SearchUnavailableError. */
  private async call<T>(run: (index: Index<MeiliRecordDocument>) => Promise<T>): Promise<T> {
    let index: Index<MeiliRecordDocument>;
    try {
      index = await this.index();
    } catch (error) {
      throw new SearchUnavailableError(this.name, error);
    }
    try {
      return await run(index);
    } catch (error) {
      if (error instanceof SearchUnavailableError) throw error;
      throw new SearchUnavailableError(this.name, error);
    }
  }

  private async waitSucceeded(task: { waitTask: (options?: { timeout?: number }) => Promise<{ status: string; error?: { code?: string } | null }> }) {
    const done = await task.waitTask({ timeout: 30_000 });
    if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.status}${done.error?.code ? ` (${done.error.code})` : ""}`);
  }

  async prepare(): Promise<void> {
    await this.call(async (index) => {
      await this.waitSucceeded(index.updateSettings(MEILI_SETTINGS));
    });
  }

  /** Settings applied once per process before first use (filters need filterable attributes); retried after a failure. */
  private ensurePrepared(): Promise<void> {
    this.prepared ??= this.prepare().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  async clear(): Promise<void> {
    await this.call(async (index) => this.waitSucceeded(index.deleteAllDocuments()));
  }

  async indexRecord(options: { record: SearchableRecord }): Promise<void> {
    const doc = toMeiliDocument(options.record);
    await this.ensurePrepared();
    await this.call(async (index) => this.waitSucceeded(index.addDocuments([doc], { primaryKey: "id" })));
  }

  async indexRecords(options: { records: SearchableRecord[] }): Promise<number> {
    if (options.records.length === 0) return 0;
    const docs = options.records.map(toMeiliDocument);
    await this.ensurePrepared();
    await this.call(async (index) => this.waitSucceeded(index.addDocuments(docs, { primaryKey: "id" })));
    return docs.length;
  }

  async removeRecord(options: { recordId: string }): Promise<void> {
    await this.call(async (index) => this.waitSucceeded(index.deleteDocument(options.recordId)));
  }

  async search(options: { query: SearchQuery; scope: AccessScope }): Promise<EngineResult> {
    const { query } = options;
    const filter = meiliFilter({ scope: options.scope, query });
    if (filter === null) return { hits: [], total: 0 };
    const filtered = Boolean(query.patientId || query.category || query.modality || query.provider || query.from || query.to);
    if (!query.text.trim() && !filtered) return { hits: [], total: 0 };
    const byDate = query.sort === "date" || !query.text.trim();
    await this.ensurePrepared();
    const response = await this.call((index) =>
      index.search(query.text, {
        filter,
        limit: query.limit,
        offset: query.offset,
        ...(byDate && { sort: ["dateOfService:desc", "createdAt:desc"] }),
        // Every word must match, as in the Postgres engine (Meilisearch's default drops words from the end).
        matchingStrategy: "all",
        // _formatted only carries retrieved attributes.
        attributesToRetrieve: ["id", "title", ...SNIPPET_FIELDS],
        attributesToHighlight: ["title", ...SNIPPET_FIELDS],
        attributesToCrop: [...SNIPPET_FIELDS],
        cropLength: 28,
        cropMarker: " … ",
        highlightPreTag: HIGHLIGHT_START,
        highlightPostTag: HIGHLIGHT_END,
      }),
    );
    const hits: EngineHit[] = response.hits.map((hit) => {
      const formatted = (hit._formatted ?? {}) as Partial<Record<string, unknown>>;
      const texts = SNIPPET_FIELDS.map((field) => formatted[field])
        .map((value) => (Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : ""))
        .filter(Boolean);
      const snippet = texts.find((text) => text.includes(HIGHLIGHT_START)) ?? texts[0] ?? "";
      return { recordId: String(hit.id), title: toHighlightSegments(String(formatted.title ?? "")), snippet: toHighlightSegments(snippet) };
    });
    return { hits, total: response.estimatedTotalHits ?? hits.length };
  }
}
