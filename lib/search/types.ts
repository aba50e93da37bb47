// The search engine interface (lib/search): one shape for the Postgres
// full-text engine (embedded default) and Meilisearch (when MEILI_HOST is set).
// Engines index what a record says and find candidates; who may see which
// record is decided by lib/authz at query time and handed to the engine as an
// AccessScope, so grants and revokes never need re-indexing.
import type { ImagingModality, RecordCategory, RecordStatus } from "@/lib/generated/prisma/enums";
import type { AccessScope } from "./access-scope";
import type { HighlightSegment } from "./highlight";

/** The record fields an engine indexes (a Record row fits). */
export interface SearchableRecord {
  id: string;
  ownerId: string;
  originalName: string;
  mimeType: string;
  status: RecordStatus;
  category: RecordCategory | null;
  dateOfService: Date | null;
  modality: ImagingModality | null;
  bodyPart: string | null;
  sourceProvider: string | null;
  keywords: string[];
  tags: string[];
  extractedText: string | null;
  version: number;
  createdAt: Date;
  /** Lets an engine refuse to overwrite a newer document with an older read. */
  updatedAt: Date;
}

export type SearchSort = "relevance" | "date";

/** What the searcher asked for, already validated (lib/search/search-schema.ts). */
export interface SearchQuery {
  /** Free text; only ever used as text, never as syntax. May be empty (filters only). */
  text: string;
  category?: RecordCategory;
  modality?: ImagingModality;
  /** Exact provider name, case-insensitive. */
  provider?: string;
  /** Date of service range, calendar dates "YYYY-MM-DD", both inclusive. */
  from?: string;
  to?: string;
  /** Clinicians: one patient only. */
  patientId?: string;
  includeArchived: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
}

/** One candidate from an engine: the record id, its score order and highlighted parts. */
export interface EngineHit {
  recordId: string;
  title: HighlightSegment[];
  snippet: HighlightSegment[];
}

export interface EngineResult {
  hits: EngineHit[];
  /** Matches in the searcher's scope (an estimate for Meilisearch). */
  total: number;
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Adds or replaces the record's document. */
  indexRecord(options: { record: SearchableRecord }): Promise<void>;
  /** Adds or replaces many documents (a reindex); returns how many were written. */
  indexRecords(options: { records: SearchableRecord[] }): Promise<number>;
  /** Removes the record's document; nothing happens when there is none. */
  removeRecord(options: { recordId: string }): Promise<void>;
  /** Candidates within `scope` only, in the requested order. */
  search(options: { query: SearchQuery; scope: AccessScope }): Promise<EngineResult>;
  /** Creates the index and applies its settings (idempotent). */
  prepare(): Promise<void>;
  /** Removes every document (before a full reindex). */
  clear(): Promise<void>;
}

/** The engine cannot be reached or refused the request: search is unavailable, nothing else is. */
export class SearchUnavailableError extends Error {
  constructor(readonly engine: string, cause?: unknown) {
    super(`The ${engine} search engine is unavailable`, { cause });
    this.name = "SearchUnavailableError";
  }
}
