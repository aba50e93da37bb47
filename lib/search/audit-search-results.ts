// Search results show other people's records (names, dates, snippets of their
// text): for a clinician that is a view of those records, which the patient's
// "Who saw my data" must answer. One event per patient per page of results,
// naming the records shown by id. The query itself is never stored: what
// someone typed can be medical content. A patient searching their own vault
// shows no one else's data and is not audited.
// Fail closed: if the event cannot be written, the caller shows no results.
import type { Actor } from "@/lib/authz/records";
import type { RequestContext } from "@/lib/http/request-context";
import { auditRecordsShown } from "@/lib/records/audit-records-shown";
import type { SearchResultItem } from "./search-records";

export function auditSearchResults(options: {
  actor: Actor;
  hits: ReadonlyArray<Pick<SearchResultItem, "recordId" | "patientId">>;
  context: RequestContext;
}): Promise<{ events: number }> {
  const othersRecords = options.hits.filter((hit) => hit.patientId !== options.actor.id);
  return auditRecordsShown({ actor: options.actor, action: "record.search_results_shown", records: othersRecords, context: options.context });
}
