"use server";

import { redirect } from "next/navigation";
import { authenticate } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { requestContext } from "@/lib/http/request-context";
import { endEmergencyAccess } from "@/lib/sharing/end-emergency-access";

/** "End now" on the emergency banner: ends the clinician's own emergency access and leaves the patient's pages. */
export async function endEmergencyAccessAction(input: { grantId: string }): Promise<TActionResult> {
  const result = await toActionResult("sharing.emergency_end_failed", async () => {
    const actor = await authenticate({ roles: CLINICIAN_ROLES });
    await endEmergencyAccess({ actor, grantId: String(input?.grantId ?? ""), context: await requestContext() });
    return {};
  });
  if (!result.ok) return result;
  redirect("/clinician?notice=emergency_ended");
}
