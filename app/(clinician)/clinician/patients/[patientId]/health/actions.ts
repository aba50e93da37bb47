"use server";

// A clinician's proposals on a patient's health data: session -> one use case
// (which parses the data with the kind's schema and decides access: CONTRIBUTE
// or PROPOSE_EDITS, scope ALL) -> result. Nothing changes until the patient
// approves.
import { authenticate } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import { proposeHealthEntryChange } from "@/lib/health/propose-health-entry-change";
import { requestContext } from "@/lib/http/request-context";

export async function proposeHealthEntryAction(
  target: { patientId: string; entryId?: string; baseVersion?: number; kind?: HealthEntryKind },
  data: unknown,
  note?: string,
): Promise<TActionResult<{ proposalId: string }>> {
  return toActionResult("health.propose_failed", async () => {
    const actor = await authenticate({ roles: CLINICIAN_ROLES });
    return proposeHealthEntryChange({
      actor,
      input: { patientId: target?.patientId, entryId: target?.entryId, baseVersion: target?.baseVersion, kind: target?.kind, data, note },
      context: await requestContext(),
    });
  });
}
