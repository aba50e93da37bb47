"use server";

// The clinician's "Propose a change" form: session (clinician) -> zod -> the
// use case (which decides access through lib/authz and audits) -> a result.
// A record the clinician may not propose for answers like a missing one.
import { revalidatePath } from "next/cache";
import { authenticate } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { invalidInput, toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { requestContext } from "@/lib/http/request-context";
import { createRecordMetadataProposal } from "@/lib/proposals/create-record-metadata-proposal";
import { ZCreateRecordMetadataProposalSchema, type TCreateRecordMetadataProposalInput } from "@/lib/proposals/schemas";

export async function proposeRecordChangeAction(input: unknown): Promise<TActionResult<{ proposalId: string }>> {
  const parsed = ZCreateRecordMetadataProposalSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues[0]?.message);
  const result = await toActionResult("proposals.create_failed", async () => {
    const actor = await authenticate({ roles: CLINICIAN_ROLES });
    return createRecordMetadataProposal({ actor, input: input as TCreateRecordMetadataProposalInput, context: await requestContext() });
  });
  if (result.ok) revalidatePath("/clinician/proposals");
  return result;
}
