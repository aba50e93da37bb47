// Search results show other people's records (names, dates, snippets of their
// text): for a clinician that is a view of those records, which the patient's
// "Who saw my data" must answer. One event per patient per page of results,
// naming the records shown by id. The query itself is never stored: what
// someone typed can be medical content. A patient searching their own vault
// shows no one else's data and is not audited, as their own record list is not.
// Fail closed: if the event cannot be written, the caller shows no results.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/records";
import type { RequestContext } from "@/lib/http/request-context";
import type { SearchResultItem } from "./search-records";

export async function auditSearchResults(options: {
  actor: Actor;
  hits: ReadonlyArray<Pick<SearchResultItem, "recordId" | "patientId">>;
  context: RequestContext;
}): Promise<{ events: number }> {
  const byPatient = new Map<string, string[]>();
  for (const hit of options.hits) {
    if (hit.patientId === options.actor.id) continue;
    byPatient.set(hit.patientId, [...(byPatient.get(hit.patientId) ?? []), hit.recordId]);
  }
  for (const [patientId, recordIds] of byPatient) {
    await recordAuditEvent({
      action: "record.search_results_shown",
      outcome: "ALLOWED",
      actorId: options.actor.id,
      actorRole: options.actor.role,
      patientId,
      targetType: "record_list",
      targetId: null,
      ...options.context,
      // Ids only (details hold flat values): a page of results is at most SEARCH_PAGE_SIZE records.
      details: { count: recordIds.length, recordIds: recordIds.join(",") },
    });
  }
  return { events: byPatient.size };
}
