"use server";

// The record page's server actions: session -> parse -> one use case -> result.
// Each use case checks access itself (owner only for changes); a denied and a
// missing record give the same NOT_FOUND.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/current-user";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { correctRecordMetadata } from "@/lib/categorization/correct-record-metadata";
import { requestContext } from "@/lib/http/request-context";
import { archiveRecord } from "@/lib/records/archive-record";
import { deleteRecord } from "@/lib/records/delete-record";
import { restoreRecord } from "@/lib/records/restore-record";
import { ZCorrectRecordMetadataActionSchema } from "@/lib/validation/record-metadata";
import { ZRecordIdSchema } from "@/lib/validation/records";

const recordPath = (recordId: string) => `/patient/records/${encodeURIComponent(recordId)}`;

export async function correctRecordMetadataAction(input: unknown): Promise<TActionResult<{ version: number; correctedFields: string[] }>> {
  const parsed = ZCorrectRecordMetadataActionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  const result = await toActionResult("records.correct_metadata_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    return correctRecordMetadata({ actorId: actor.id, ...parsed.data, context: await requestContext() });
  });
  if (result.ok) revalidatePath(recordPath(parsed.data.recordId));
  return result;
}

async function changeStatus(kind: "archive" | "restore", input: { recordId: unknown; expectedVersion?: unknown }): Promise<TActionResult<{ version: number; status: string }>> {
  const recordId = ZRecordIdSchema.safeParse(input.recordId);
  const expectedVersion = typeof input.expectedVersion === "number" && Number.isInteger(input.expectedVersion) ? input.expectedVersion : undefined;
  if (!recordId.success) return invalidInput(undefined);
  const result = await toActionResult(`records.${kind}_failed`, async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const run = kind === "archive" ? archiveRecord : restoreRecord;
    const summary = await run({ actor, recordId: recordId.data, expectedVersion, context: await requestContext() });
    return { version: summary.version, status: summary.status };
  });
  if (result.ok) revalidatePath(recordPath(recordId.data));
  return result;
}

export async function archiveRecordAction(input: { recordId: string; expectedVersion?: number }) {
  return changeStatus("archive", input);
}

export async function restoreRecordAction(input: { recordId: string; expectedVersion?: number }) {
  return changeStatus("restore", input);
}

/** Deletes for good, then leaves the page (it no longer exists) for the records list with a notice. */
export async function deleteRecordAction(input: { recordId: string }): Promise<TActionResult> {
  const recordId = ZRecordIdSchema.safeParse(input?.recordId);
  if (!recordId.success) return invalidInput(undefined);
  const result = await toActionResult("records.delete_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    await deleteRecord({ actor, recordId: recordId.data, context: await requestContext() });
    return {};
  });
  if (!result.ok) return result;
  revalidatePath("/patient");
  redirect("/patient?notice=record_deleted");
}
