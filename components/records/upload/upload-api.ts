// The app's two upload endpoints, seen from the browser. Answers are mapped to
// small result types so the queue never has to read HTTP status codes.
import type { UploadType } from "@/lib/validation/records";

export interface UploadSlot {
  slotId: string;
  /** Blob URL with a write SAS: never logged or shown. */
  uploadUrl: string;
  blockSize: number;
  expiresAt: number;
}

/** `rejected`: the server said no for a reason that retrying will not change. */
export type ApiFailure = { kind: "rejected"; message: string } | { kind: "failed"; message: string; retryAfterMs?: number };

export type SlotResult = { ok: true; slot: UploadSlot } | ({ ok: false } & ApiFailure);
export type FinalizeResult = { ok: true; recordId: string } | ({ ok: false } & ApiFailure & { notUploaded?: boolean });

const OFFLINE = "The connection dropped. It goes on by itself when you are back online, or choose Retry.";
const SERVER_TROUBLE = "Something went wrong on our side. Please try again.";

interface ErrorBody {
  error?: { code?: string; message?: string; retryAfterSeconds?: number };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function failureFrom(status: number, body: unknown): ApiFailure {
  const error = (body as ErrorBody | null)?.error;
  const message = typeof error?.message === "string" && error.message ? error.message : SERVER_TROUBLE;
  if (status === 401) return { kind: "rejected", message: "Your session has ended. Sign in again, then upload the file again." };
  if (status === 429 || status === 409 || status >= 500) {
    return { kind: "failed", message, ...(error?.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : {}) };
  }
  return { kind: "rejected", message };
}

async function post(url: string, body?: unknown, signal?: AbortSignal): Promise<Response | null> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
}

export async function requestUploadSlot(input: { patientId: string; fileName: string; declaredType: UploadType; declaredSize: number }, signal?: AbortSignal): Promise<SlotResult> {
  const response = await post("/api/uploads", input, signal);
  if (!response) return { ok: false, kind: "failed", message: OFFLINE };
  const body = await readJson(response);
  if (!response.ok) return { ok: false, ...failureFrom(response.status, body) };
  const slot = body as { slotId?: unknown; uploadUrl?: unknown; blockSize?: unknown; expiresAt?: unknown } | null;
  if (!slot || typeof slot.slotId !== "string" || typeof slot.uploadUrl !== "string" || typeof slot.blockSize !== "number" || typeof slot.expiresAt !== "string") {
    return { ok: false, kind: "failed", message: SERVER_TROUBLE };
  }
  return { ok: true, slot: { slotId: slot.slotId, uploadUrl: slot.uploadUrl, blockSize: slot.blockSize, expiresAt: Date.parse(slot.expiresAt) } };
}

const NOT_UPLOADED_PREFIX = "The file has not been uploaded completely";

export async function finalizeUpload(slotId: string, signal?: AbortSignal): Promise<FinalizeResult> {
  const response = await post(`/api/uploads/${encodeURIComponent(slotId)}/finalize`, undefined, signal);
  if (!response) return { ok: false, kind: "failed", message: OFFLINE };
  const body = (await readJson(response)) as { outcome?: string; reason?: string; record?: { id?: string } } | null;
  if (response.ok) {
    if (body?.record && typeof body.record.id === "string" && body.outcome !== "rejected") return { ok: true, recordId: body.record.id };
    if (body?.outcome === "rejected") return { ok: false, kind: "rejected", message: body.reason || "The file was not accepted." };
    return { ok: false, kind: "failed", message: SERVER_TROUBLE };
  }
  const failure = failureFrom(response.status, body);
  // Nothing committed yet (e.g. the commit was lost): uploading again can fix it.
  if (failure.kind === "rejected" && response.status === 400 && failure.message.startsWith(NOT_UPLOADED_PREFIX)) {
    return { ok: false, kind: "failed", message: failure.message, notUploaded: true };
  }
  return { ok: false, ...failure };
}
