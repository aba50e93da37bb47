// The owner moves a record out of the default list; nothing is deleted.
import type { RecordSummary } from "./record-summary";
import { changeRecordStatus, type ChangeRecordStatusOptions } from "./change-record-status";

export function archiveRecord(options: ChangeRecordStatusOptions): Promise<RecordSummary> {
  return changeRecordStatus({ ...options, to: "ARCHIVED", action: "record.archived" });
}
