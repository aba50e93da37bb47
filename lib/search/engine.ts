// Which search engine this process uses: Meilisearch when MEILI_HOST is set,
// otherwise Postgres full-text search in the app's own database.
import { env } from "@/lib/env";
import { MeiliSearchEngine } from "./meilisearch/meili-engine";
import { PostgresSearchEngine } from "./postgres/postgres-engine";
import type { SearchEngine } from "./types";

let cached: SearchEngine | undefined;

export function searchEngine(): SearchEngine {
  if (cached) return cached;
  const settings = env();
  cached = settings.MEILI_HOST
    ? new MeiliSearchEngine({ host: settings.MEILI_HOST, apiKey: settings.MEILI_API_KEY, indexUid: settings.MEILI_INDEX })
    : new PostgresSearchEngine();
  return cached;
}
