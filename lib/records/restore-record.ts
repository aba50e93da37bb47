// The owner brings an archived record back to the default list.
import type { RecordSummary } from "./record-summary";
import { changeRecordStatus, type ChangeRecordStatusOptions } from "./change-record-status";

export function restoreRecord(options: ChangeRecordStatusOptions): Promise<RecordSummary> {
  return changeRecordStatus({ ...options, to: "READY", action: "record.restored" });
}
