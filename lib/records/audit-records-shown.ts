// One audit event per patient for a set of that patient's records put in front
// of someone at once (a list view's thumbnails, a page of search results),
// naming the records by id. Used instead of one event per record: the set is
// what the person was shown, and one event per record would serialize dozens
// of chain appends per page. The callers say which records count (see there).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/authz/records";
import type { RequestContext } from "@/lib/http/request-context";

export async function auditRecordsShown(options: {
  actor: Actor;
  action: "record.thumbnails_listed" | "record.search_results_shown";
  records: ReadonlyArray<{ recordId: string; patientId: string }>;
  context: RequestContext;
}): Promise<{ events: number }> {
  const byPatient = new Map<string, string[]>();
  for (const { recordId, patientId } of options.records) byPatient.set(patientId, [...(byPatient.get(patientId) ?? []), recordId]);
  for (const [patientId, recordIds] of byPatient) {
    await recordAuditEvent({
      action: options.action,
      outcome: "ALLOWED",
      actorId: options.actor.id,
      actorRole: options.actor.role,
      patientId,
      targetType: "record_list",
      targetId: null,
      ...options.context,
      // Ids only (details hold flat values): a list page or a page of results is a few dozen records at most.
      details: { count: recordIds.length, recordIds: recordIds.join(",") },
    });
  }
  return { events: byPatient.size };
}
