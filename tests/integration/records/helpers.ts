// Shared steps of the records integration tests: a patient, an upload through
// the real SAS flow, and the error a caller sees.
import { createHash } from "node:crypto";
import { ERROR_CODES } from "@/lib/errors";
import { finalizeUpload } from "@/lib/records/finalize-upload";
import { issueUploadSlot } from "@/lib/records/issue-upload-slot";
import type { TIssueUploadSlotInput } from "@/lib/validation/records";
import { createUser } from "@/tests/factories/users";
import { uploadWithSas } from "@/tests/factories/files";
import type { Role } from "@/lib/generated/prisma/client";

export const context = { ipAddress: "198.51.100.40", userAgent: "jest records" };

export async function createActor(role: Role = "PATIENT") {
  const { user } = await createUser({ role, password: null });
  return { id: user.id, role: user.role };
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Slot, upload with the SAS, finalize: what the browser does. */
export async function uploadRecord(options: {
  actor: { id: string; role: Role };
  bytes: Buffer;
  declaredType: TIssueUploadSlotInput["declaredType"];
  fileName?: string;
  declaredSize?: number;
}) {
  const slot = await issueUploadSlot({
    actor: options.actor,
    input: { patientId: options.actor.id, fileName: options.fileName ?? "scan.bin", declaredType: options.declaredType, declaredSize: options.declaredSize ?? options.bytes.length },
    context,
  });
  await uploadWithSas(slot.uploadUrl, options.bytes);
  const result = await finalizeUpload({ actor: options.actor, slotId: slot.slotId, context });
  return { slot, result };
}

export async function readyRecord(options: Parameters<typeof uploadRecord>[0]) {
  const { slot, result } = await uploadRecord(options);
  if (result.outcome !== "ready") throw new Error(`expected a ready record, got: ${result.reason}`);
  return { slot, record: result.record };
}

/** The error a promise rejects with, as a caller would compare it. */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; code: string; message: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    const { name, code, message, status } = error as { name: string; code: string; message: string; status: number };
    return { name, code, message, status };
  }
  throw new Error("expected a rejection");
}

export const NOT_FOUND = { name: "AppError", code: "NOT_FOUND", message: ERROR_CODES.NOT_FOUND.message, status: 404 };

/** Status of a plain HTTP request against storage (SAS checks are the server's). */
export async function statusOf(request: Promise<Response>): Promise<number> {
  const response = await request;
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}
