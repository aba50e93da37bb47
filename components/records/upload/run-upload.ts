// One file's way through an upload: slot -> blocks -> commit -> finalize,
// resuming from what `state` remembers (slot, staged blocks, committed). The
// queue calls it again after a pause or a Retry; it reports through callbacks
// and never throws for an abort (the caller set the state when it aborted).
import type { UploadType } from "@/lib/validation/records";
import { blockTargetFor } from "./blob-client";
import { finalizeUpload, requestUploadSlot, type UploadSlot } from "./upload-api";
import { BlocksInterruptedError, SlotExpiredError, uploadFileBlocks } from "./upload-file-blocks";
import type { UploadItem } from "./upload-item";

/** What a file needs to resume; kept by the queue between runs. */
export interface UploadState {
  file: File;
  declaredType: UploadType;
  slot?: UploadSlot;
  staged: Set<number>;
  committed: boolean;
}

export interface RunUploadOptions {
  state: UploadState;
  patientId: string;
  signal: AbortSignal;
  /** A change the row should show. */
  report: (patch: Partial<UploadItem>) => void;
  retryBaseMs?: number;
}

const INTERRUPTED = "The connection dropped. The parts already sent are kept: it goes on by itself when you are back online, or choose Retry.";
const UNEXPECTED = "The upload stopped unexpectedly. Choose Retry to try again.";
/** Start over with a fresh slot rather than begin with a SAS about to run out. */
const EXPIRY_MARGIN_MS = 60_000;

function forgetUpload(state: UploadState): void {
  state.slot = undefined;
  state.staged.clear();
  state.committed = false;
}

/** Slot (new if none or nearly expired), then the missing blocks and the commit. False: stopped with a reported outcome. */
async function sendBytes(options: RunUploadOptions): Promise<boolean> {
  const { state, signal, report } = options;
  const { file } = state;
  let lastPercent = -1;
  const onProgress = (loaded: number) => {
    const percent = Math.floor((loaded / file.size) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    report({ loaded });
  };
  for (let attempt = 0; !state.committed; attempt += 1) {
    if (!state.slot || state.slot.expiresAt - EXPIRY_MARGIN_MS <= Date.now()) {
      forgetUpload(state);
      report({ loaded: 0 });
      const result = await requestUploadSlot({ patientId: options.patientId, fileName: file.name, declaredType: state.declaredType, declaredSize: file.size }, signal);
      if (!result.ok) {
        report({ status: result.kind, message: result.message });
        return false;
      }
      state.slot = result.slot;
    }
    const slot = state.slot;
    try {
      await uploadFileBlocks({
        file,
        blockSize: slot.blockSize,
        contentType: state.declaredType,
        target: blockTargetFor(slot.uploadUrl),
        staged: state.staged,
        signal,
        expiresAt: slot.expiresAt,
        onProgress,
        ...(options.retryBaseMs !== undefined && { retryBaseMs: options.retryBaseMs }),
      });
      state.committed = true;
    } catch (error) {
      // The SAS ran out mid-way (a long pause, a slow line): start this file over, once.
      if (error instanceof SlotExpiredError && attempt === 0) {
        forgetUpload(state);
        continue;
      }
      throw error;
    }
  }
  return true;
}

/** Runs the file to an outcome; resolves true when it became a record. */
export async function runUpload(options: RunUploadOptions): Promise<boolean> {
  const { state, signal, report } = options;
  try {
    if (!(await sendBytes(options))) return false;
    // A pause that landed right after the commit: stay paused, finalize on resume.
    if (signal.aborted) return false;
    report({ status: "verifying", loaded: state.file.size });
    const result = await finalizeUpload(state.slot!.slotId, signal);
    if (result.ok) {
      report({ status: "done", recordId: result.recordId, message: undefined });
      return true;
    }
    // Rejected: the server deleted the bytes; not uploaded: it has none. Either way a retry starts over.
    if (result.kind === "rejected" || result.notUploaded) forgetUpload(state);
    report({ status: result.kind, message: result.message });
    return false;
  } catch (error) {
    if (signal.aborted) return false;
    if (error instanceof SlotExpiredError) forgetUpload(state);
    report({ status: "failed", message: error instanceof BlocksInterruptedError ? INTERRUPTED : UNEXPECTED });
    return false;
  }
}
