// Step 1 of an upload: check who uploads what for whom, reserve a
// server-named blob and hand the browser a write-only SAS for it. The bytes go
// straight to storage; finalizeUpload checks them afterwards.
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canUploadFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { parseInput } from "@/lib/validation/parse-input";
import { recordBlobName, uploadSasUrl } from "./record-blobs";
import { tooLargeMessage, uploadLimitBytes } from "./upload-limits";
import { ZIssueUploadSlotSchema, type TIssueUploadSlotInput } from "@/lib/validation/records";

/** Blocks the browser should stage (Put Block) before committing the list. */
export const UPLOAD_BLOCK_SIZE = 8 * 1024 * 1024;

export interface IssuedUploadSlot {
  slotId: string;
  /** Blob URL with a SAS allowing create+write on that blob only, until expiresAt. */
  uploadUrl: string;
  blockSize: number;
  expiresAt: Date;
}

export async function issueUploadSlot(options: { actor: Actor; input: TIssueUploadSlotInput; context: RequestContext; now?: Date }): Promise<IssuedUploadSlot> {
  const { actor, context } = options;
  const input = parseInput(ZIssueUploadSlotSchema, options.input);
  // A patient the actor may not upload for looks like one that does not exist.
  if (!(await canUploadFor({ actor, patientId: input.patientId }))) throw new AppError("NOT_FOUND");
  if (input.declaredSize > uploadLimitBytes(input.declaredType)) {
    const message = tooLargeMessage(input.declaredType);
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { declaredSize: [message] } });
  }

  const slotId = randomUUID();
  const blobName = recordBlobName({ patientId: input.patientId, slotId });
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + env().UPLOAD_SLOT_MINUTES * 60_000);

  await db.$transaction(async (tx) => {
    await tx.uploadSlot.create({
      data: {
        id: slotId,
        ownerId: input.patientId,
        uploadedById: actor.id,
        blobName,
        originalName: input.fileName,
        declaredType: input.declaredType,
        declaredSize: BigInt(input.declaredSize),
        expiresAt,
      },
    });
    await recordAuditEvent(
      {
        action: "record.upload_slot_issued",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: input.patientId,
        targetType: "upload_slot",
        targetId: slotId,
        ...context,
        details: { declaredType: input.declaredType, declaredSize: input.declaredSize },
      },
      { tx },
    );
  });

  // The SAS lives exactly as long as the slot: the sweeper may delete after that.
  const uploadUrl = await uploadSasUrl({ blobName, expiresOn: expiresAt });
  return { slotId, uploadUrl, blockSize: UPLOAD_BLOCK_SIZE, expiresAt };
}
