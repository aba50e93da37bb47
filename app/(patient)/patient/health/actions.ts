"use server";

// The health data page's server actions: session -> one use case (which
// parses the input with the kind's schema and decides access) -> result.
import { revalidatePath } from "next/cache";
import { authenticate } from "@/lib/auth/current-user";
import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import { addHealthEntry } from "@/lib/health/add-health-entry";
import { removeHealthEntry } from "@/lib/health/remove-health-entry";
import { updateHealthEntry } from "@/lib/health/update-health-entry";
import { requestContext } from "@/lib/http/request-context";

function refresh() {
  revalidatePath("/patient/health");
  revalidatePath("/patient/summary");
}

export async function addHealthEntryAction(kind: HealthEntryKind, data: unknown): Promise<TActionResult<{ entryId: string }>> {
  const result = await toActionResult("health.add_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const entry = await addHealthEntry({ actor, input: { patientId: actor.id, kind, data }, context: await requestContext() });
    return { entryId: entry.id };
  });
  if (result.ok) refresh();
  return result;
}

export async function updateHealthEntryAction(target: { entryId: string; expectedVersion: number }, data: unknown): Promise<TActionResult<{ version: number }>> {
  const result = await toActionResult("health.update_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    const entry = await updateHealthEntry({ actor, input: { entryId: target?.entryId, expectedVersion: target?.expectedVersion, data }, context: await requestContext() });
    return { version: entry.version };
  });
  if (result.ok) refresh();
  return result;
}

export async function removeHealthEntryAction(target: { entryId: string; expectedVersion: number }): Promise<TActionResult> {
  const result = await toActionResult("health.remove_failed", async () => {
    const actor = await authenticate({ roles: ["PATIENT"] });
    await removeHealthEntry({ actor, input: { entryId: target?.entryId, expectedVersion: target?.expectedVersion }, context: await requestContext() });
    return {};
  });
  if (result.ok) refresh();
  return result;
}
