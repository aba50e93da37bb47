// The state of one file in the upload queue, as the UI shows it.

export type UploadStatus = "queued" | "uploading" | "paused" | "verifying" | "done" | "failed" | "rejected";

export interface UploadItem {
  id: string;
  /** Shown escaped by React; never logged. */
  name: string;
  size: number;
  /** The type declared for it, when it has one we accept (picks the icon). */
  type?: string;
  status: UploadStatus;
  /** Bytes confirmed by storage so far (staged blocks plus the current ones' progress). */
  loaded: number;
  /** Why it failed or was not accepted, in the user's words. */
  message?: string;
  /** Set once done: the new record. */
  recordId?: string;
}

/** Counted as running against the two-files-at-a-time limit. */
export const ACTIVE_STATUSES: ReadonlySet<UploadStatus> = new Set(["uploading", "verifying"]);
/** Still waiting for the queue or the user. */
export const UNFINISHED_STATUSES: ReadonlySet<UploadStatus> = new Set(["queued", "uploading", "verifying", "paused"]);
