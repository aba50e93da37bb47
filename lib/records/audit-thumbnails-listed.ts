// One audit event per list view that shows thumbnails, per patient whose
// records are shown, naming the records whose thumbnails were offered.
//
// Why once per list view and not once per thumbnail request: a thumbnail is a
// small rendering of the record's content, so showing it is a view that "Who saw
// my data" must be able to answer. But (1) every audit append takes the chain's
// advisory lock, so a list of 50 thumbnails would serialize 50 transactions on
// each page view and slow every other audited write in the app; (2) per-request
// rows would be an arbitrary sample anyway, since the browser's private cache
// and lazy loading decide which images are fetched again; (3) the list view is
// where the set of records put in front of the user is decided, so one event
// there says exactly which records' thumbnails a person was shown, and when.
// The thumbnail route itself still makes the full access decision per request.
import type { Actor } from "@/lib/authz/records";
import type { RequestContext } from "@/lib/http/request-context";
import { auditRecordsShown } from "./audit-records-shown";
import type { RecordSummary } from "./record-summary";

export function auditThumbnailsListed(options: {
  actor: Actor;
  records: ReadonlyArray<Pick<RecordSummary, "id" | "ownerId" | "hasThumbnail">>;
  context: RequestContext;
}): Promise<{ events: number }> {
  const shown = options.records.filter((record) => record.hasThumbnail).map((record) => ({ recordId: record.id, patientId: record.ownerId }));
  return auditRecordsShown({ actor: options.actor, action: "record.thumbnails_listed", records: shown, context: options.context });
}
