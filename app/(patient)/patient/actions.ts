"use server";

// Archive and restore from the records list: session -> zod -> the use case
// (owner only, audited) -> a user-safe message. Both are reversible, so the
// list offers Undo rather than asking first.
import { revalidatePath } from "next/cache";
import type { RecordStatusActionResult } from "@/components/records/list/record-status-button";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import { archiveRecord } from "@/lib/records/archive-record";
import { restoreRecord } from "@/lib/records/restore-record";
import { ZRecordIdSchema } from "@/lib/validation/records";

type StatusChange = typeof archiveRecord;

async function changeStatus(action: "archive" | "restore", change: StatusChange, recordId: unknown, done: string): Promise<RecordStatusActionResult> {
  try {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const parsed = ZRecordIdSchema.safeParse(recordId);
    if (!parsed.success) return { ok: false, message: "That record could not be found. Reload the page and try again." };
    await change({ actor, recordId: parsed.data, context: await requestContext() });
    revalidatePath("/patient");
    return { ok: true, message: done };
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Name only: driver messages may quote values.
      logger.error("records.action_failed", { action, error: errorLabel(error) });
    }
    return { ok: false, message: toPublicError(error).message };
  }
}

export async function archiveRecordAction(recordId: string): Promise<RecordStatusActionResult> {
  return changeStatus("archive", archiveRecord, recordId, "Record archived. Find it again under Show archived.");
}

export async function restoreRecordAction(recordId: string): Promise<RecordStatusActionResult> {
  return changeStatus("restore", restoreRecord, recordId, "Record restored to your records.");
}
