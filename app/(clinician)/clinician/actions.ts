"use server";

// The clinician start page's server actions: session -> zod (inside each use
// case) -> one lib/sharing function -> a user-safe result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { requestContext } from "@/lib/http/request-context";
import { openEmergencyAccess } from "@/lib/sharing/open-emergency-access";
import { requestAccess } from "@/lib/sharing/request-access";
import type { TOpenEmergencyAccessInput, TRequestAccessInput } from "@/lib/validation/sharing";

export async function requestAccessAction(input: TRequestAccessInput): Promise<TActionResult> {
  const result = await toActionResult("sharing.request_failed", async () => {
    const actor = await authenticate({ roles: CLINICIAN_ROLES });
    await requestAccess({ actor, input, context: await requestContext() });
    return {};
  });
  if (result.ok) revalidatePath("/clinician");
  return result;
}

/** Opens (or finds the running) emergency access, then goes to the patient's records. */
export async function openEmergencyAccessAction(input: TOpenEmergencyAccessInput): Promise<TActionResult<{ patientId: string }>> {
  const result = await toActionResult("sharing.emergency_open_failed", async () => {
    const actor = await authenticate({ roles: CLINICIAN_ROLES });
    const opened = await openEmergencyAccess({ actor, input, context: await requestContext() });
    return { patientId: opened.patientId };
  });
  if (!result.ok) return result;
  redirect(`/clinician/patients/${encodeURIComponent(result.patientId)}`);
}
