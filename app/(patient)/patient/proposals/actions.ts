"use server";

// Approve or decline a proposed change: session (PATIENT) -> zod -> the use
// case (which checks the proposal is theirs, applies or not, audits) -> a message.
import { revalidatePath } from "next/cache";
import type { ConfirmResult } from "@/components/audit/confirm-action-button";
import { authenticate } from "@/lib/auth/current-user";
import { AppError, toPublicError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import { decideProposal } from "@/lib/proposals/decide-proposal";
import { ZDecideProposalSchema } from "@/lib/proposals/schemas";

const MESSAGES = {
  APPROVED: "Approved. The change is applied and the earlier values are kept as a version.",
  REJECTED: "Declined. Nothing was changed.",
  OUTDATED: "This proposal was out of date: the data changed after it was made, so nothing was changed. The clinician has been told.",
} as const;

export async function decideProposalAction(proposalId: unknown, decision: unknown): Promise<ConfirmResult> {
  const parsed = ZDecideProposalSchema.safeParse({ proposalId, decision });
  if (!parsed.success) return { ok: false, message: "That proposal could not be found. Reload the page." };
  try {
    const patient = await authenticate({ roles: ["PATIENT"] });
    const { status } = await decideProposal({ actor: patient, input: parsed.data, context: await requestContext() });
    revalidatePath("/patient/proposals");
    return { ok: true, message: MESSAGES[status] };
  } catch (error) {
    if (!(error instanceof AppError)) logger.error("proposals.decide_failed", { error: errorLabel(error) });
    return { ok: false, message: toPublicError(error).message };
  }
}
