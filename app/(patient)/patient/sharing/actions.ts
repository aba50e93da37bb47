"use server";

// The sharing page's server actions: session -> zod (inside each use case) ->
// one lib/sharing function -> a user-safe result. Each change takes effect at
// the commit, so the page is revalidated right after.
import { revalidatePath } from "next/cache";
import { authenticate } from "@/lib/auth/current-user";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { requestContext } from "@/lib/http/request-context";
import { decideAccessRequest } from "@/lib/sharing/decide-access-request";
import { findClinicians, type FoundClinician } from "@/lib/sharing/find-clinicians";
import { grantAccess } from "@/lib/sharing/grant-access";
import { cancelClinicianInvitation } from "@/lib/sharing/cancel-clinician-invitation";
import { inviteClinician } from "@/lib/sharing/invite-clinician";
import { revokeGrant } from "@/lib/sharing/revoke-grant";
import type { TDecideAccessRequestInput, TGrantAccessInput, TInviteClinicianInput } from "@/lib/validation/sharing";

const SHARING_PATH = "/patient/sharing";

export async function findCliniciansAction(input: { query: string }): Promise<TActionResult<{ clinicians: FoundClinician[] }>> {
  return toActionResult("sharing.find_clinicians_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    return { clinicians: await findClinicians({ actor, input: { query: String(input?.query ?? "") } }) };
  });
}

export async function grantAccessAction(input: TGrantAccessInput): Promise<TActionResult<{ outcome: "created" | "updated" }>> {
  const result = await toActionResult("sharing.grant_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const { outcome } = await grantAccess({ actor, input, context: await requestContext() });
    return { outcome };
  });
  if (result.ok) revalidatePath(SHARING_PATH);
  return result;
}

export async function revokeGrantAction(input: { grantId: string }): Promise<TActionResult<{ outcome: "revoked" | "already_revoked" }>> {
  const result = await toActionResult("sharing.revoke_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const { outcome } = await revokeGrant({ actor, grantId: String(input?.grantId ?? ""), context: await requestContext() });
    return { outcome };
  });
  if (result.ok) revalidatePath(SHARING_PATH);
  return result;
}

export async function decideAccessRequestAction(input: { requestId: string; decision: TDecideAccessRequestInput }): Promise<TActionResult<{ outcome: "approved" | "denied" }>> {
  const result = await toActionResult("sharing.decide_request_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const { outcome } = await decideAccessRequest({ actor, requestId: String(input?.requestId ?? ""), input: input?.decision, context: await requestContext() });
    return { outcome };
  });
  if (result.ok) revalidatePath(SHARING_PATH);
  return result;
}

export async function inviteClinicianAction(input: TInviteClinicianInput): Promise<TActionResult<{ outcome: "invited" }>> {
  const result = await toActionResult("sharing.invite_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    return inviteClinician({ actor, input, context: await requestContext() });
  });
  if (result.ok) revalidatePath(SHARING_PATH);
  return result;
}

export async function cancelClinicianInvitationAction(input: { invitationId: string }): Promise<TActionResult<{ outcome: "cancelled" | "already_closed" }>> {
  const result = await toActionResult("sharing.cancel_invitation_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    return cancelClinicianInvitation({ actor, invitationId: String(input?.invitationId ?? ""), context: await requestContext() });
  });
  if (result.ok) revalidatePath(SHARING_PATH);
  return result;
}
