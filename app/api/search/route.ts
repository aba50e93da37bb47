// POST /api/search: search-as-you-type for the signed-in user. The search text
// travels in the JSON body, never in a URL. Answers { hits, total, hasMore }.
import { authenticate } from "@/lib/auth/current-user";
import { readJsonBody, routeHandler } from "@/lib/http/route-handler";
import { auditSearchResults } from "@/lib/search/audit-search-results";
import { searchRecords } from "@/lib/search/search-records";
import type { TSearchInput } from "@/lib/search/search-schema";

export const POST = routeHandler("search.records", async ({ request, context }) => {
  const actor = await authenticate({ roles: ["PATIENT", "PHYSICIAN", "NURSE", "STAFF"] });
  const input = (await readJsonBody(request)) as TSearchInput;
  const result = await searchRecords({ actor, input });
  await auditSearchResults({ actor, hits: result.hits, context });
  return { body: { searched: result.searched, hits: result.hits, total: result.total, hasMore: result.hasMore, page: result.params.page } };
});
