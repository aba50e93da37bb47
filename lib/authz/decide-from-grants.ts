// The access decision itself, pure: who asks, about which patient (and record),
// for what, given the grants they hold. No database, so every case of the
// access matrix is unit-tested (tests/unit/authz/access-matrix.test.ts);
// decideAccess (decide-access.ts) loads the grants and calls this.
import { hasPermission, type AccessActor } from "./permissions";
import { ACTION_LEVEL, effectiveLevel, grantCoversRecord, grantIsActive, levelIncludes, type AccessAction, type GrantFacts, type RecordFacts } from "./grant-rules";

export type AccessDecision = { allowed: true; via: "owner" } | { allowed: true; via: "grant" | "emergency"; grantId: string } | { allowed: false };

export interface DecideFromGrantsInput {
  actor: AccessActor | null | undefined;
  patientId: string;
  action: AccessAction;
  /** The record acted on; without it the answer is whether the actor holds this level for some of the patient's data. */
  record?: RecordFacts | null;
  /** The actor's grants; revoked, expired and other people's grants are ignored here too. */
  grants: readonly GrantFacts[];
  now: Date;
}

const DENIED: AccessDecision = Object.freeze({ allowed: false });

export function decideFromGrants(input: DecideFromGrantsInput): AccessDecision {
  const { actor, patientId, action, record, now } = input;
  if (!actor || !actor.id || !patientId) return DENIED;
  if (record && record.ownerId !== patientId) return DENIED;

  if (actor.role === "PATIENT") {
    return actor.id === patientId && hasPermission(actor, "own_data:manage") ? { allowed: true, via: "owner" } : DENIED;
  }

  // Admins, unverified, pending and suspended clinicians stop here, grants or not.
  if (!hasPermission(actor, "grants:use")) return DENIED;
  const needed = ACTION_LEVEL[action];
  if (!needed) return DENIED;

  let emergency: GrantFacts | undefined;
  for (const grant of input.grants) {
    if (grant.patientId !== patientId || grant.granteeId !== actor.id) continue;
    if (!grantIsActive(grant, now)) continue;
    if (!levelIncludes(effectiveLevel(grant), needed)) continue;
    if (record && action !== "upload" && !grantCoversRecord(grant, record)) continue;
    // A regular grant wins, so the audit trail marks emergency use only when it was needed.
    if (grant.origin === "EMERGENCY") {
      emergency ??= grant;
      continue;
    }
    return { allowed: true, via: "grant", grantId: grant.id };
  }
  return emergency ? { allowed: true, via: "emergency", grantId: emergency.id } : DENIED;
}
