// A patient shares their records with a verified clinician: scope, level and an
// end date (30 days unless chosen; at most GRANT_MAX_DAYS; never in the past).
// Sharing again with the same clinician replaces the terms of the current grant.
import { loadAccessActor } from "@/lib/authz/decide-access";
import { hasPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { grantAccessSchema, type TGrantAccessInput } from "@/lib/validation/sharing";
import { toGrantSummary, type GrantSummary } from "./grant-summary";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";
import { upsertGrant } from "./upsert-grant";

export async function grantAccess(options: {
  actor: SharingActor;
  input: TGrantAccessInput;
  context: RequestContext;
  now?: Date;
}): Promise<{ grant: GrantSummary; outcome: "created" | "updated" }> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const input = parseInput(grantAccessSchema({ now, maxDays: env().GRANT_MAX_DAYS }), options.input);

  // An unknown id, a patient, an admin, an unverified or suspended clinician: one answer.
  const grantee = await loadAccessActor({ id: input.granteeId });
  if (!grantee || grantee.id === patient.id || !hasPermission(grantee, "grants:use")) {
    const message = "Choose a verified clinician from the list.";
    throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { granteeId: [message] } });
  }

  const { granteeId, level, expiresAt, ...scope } = input;
  const { grant, outcome } = await db.$transaction((tx) =>
    upsertGrant({ tx, patientId: patient.id, granteeId, terms: { ...scope, level, expiresAt }, origin: "DIRECT", actor: patient, context: options.context }),
  );
  return { grant: toGrantSummary(grant, now), outcome };
}
