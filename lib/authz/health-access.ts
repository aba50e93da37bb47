// Access to a patient's structured health data (lib/health): conditions,
// medications, allergies, labs, vitals, immunizations. The same actors, grants
// and verification rules as records (decide-from-grants.ts), with two
// differences that make it its own small table:
//
// - Scope: health data is the patient's whole history, not a category of
//   files, so only a grant with scope ALL covers it. A patient who shared some
//   categories or some records did not share their medical history; such a
//   grantee sees those records and no health data. Emergency access counts as
//   scope ALL (view only), so an emergency clinician sees allergies and
//   medications, which is what emergency access is for.
// - Changes: only the patient changes their data directly. A clinician holding
//   a CONTRIBUTE or a PROPOSE_EDITS grant may propose a change (an
//   EditProposal the patient approves); a VIEW or DOWNLOAD grant, and an
//   emergency grant, only view.
import type { Tx } from "@/lib/db";
import type { GrantLevel } from "@/lib/generated/prisma/enums";
import { loadActiveGrants } from "./decide-access";
import type { AccessDecision } from "./decide-from-grants";
import { effectiveLevel, effectiveScope, grantIsActive, levelIncludes, type GrantFacts } from "./grant-rules";
import { hasPermission, type AccessActor } from "./permissions";

export const HEALTH_ACTIONS = ["health:view", "health:propose", "health:change"] as const;
export type HealthAction = (typeof HEALTH_ACTIONS)[number];

/** The grant levels that allow each action (any one of them); null: the owner only. */
export const HEALTH_ACTION_LEVELS: Readonly<Record<HealthAction, readonly GrantLevel[] | null>> = {
  "health:view": ["VIEW"],
  "health:propose": ["CONTRIBUTE", "PROPOSE_EDITS"],
  "health:change": null,
};

const DENIED: AccessDecision = Object.freeze({ allowed: false });

export interface DecideHealthFromGrantsInput {
  actor: AccessActor | null | undefined;
  patientId: string;
  action: HealthAction;
  grants: readonly GrantFacts[];
  now: Date;
}

/** Pure: whether `actor` may take `action` on `patientId`'s health data given these grants. */
export function decideHealthFromGrants(input: DecideHealthFromGrantsInput): AccessDecision {
  const { actor, patientId, action, now } = input;
  if (!actor || !actor.id || !patientId) return DENIED;

  if (actor.role === "PATIENT") {
    // The owner changes directly; proposing is for clinicians.
    if (action === "health:propose") return DENIED;
    return actor.id === patientId && hasPermission(actor, "own_data:manage") ? { allowed: true, via: "owner" } : DENIED;
  }

  if (!hasPermission(actor, "grants:use")) return DENIED;
  const levels = HEALTH_ACTION_LEVELS[action];
  if (!levels) return DENIED;

  let emergency: GrantFacts | undefined;
  for (const grant of input.grants) {
    if (grant.patientId !== patientId || grant.granteeId !== actor.id) continue;
    if (!grantIsActive(grant, now) || effectiveScope(grant) !== "ALL") continue;
    const held = effectiveLevel(grant);
    if (!levels.some((needed) => levelIncludes(held, needed))) continue;
    if (grant.origin === "EMERGENCY") {
      emergency ??= grant;
      continue;
    }
    return { allowed: true, via: "grant", grantId: grant.id };
  }
  return emergency ? { allowed: true, via: "emergency", grantId: emergency.id } : DENIED;
}

/** The decision right now, with the actor's grants in force loaded from the database. */
export async function decideHealthAccess(options: { actor: AccessActor | null | undefined; patientId: string; action: HealthAction; now?: Date; tx?: Tx }): Promise<AccessDecision> {
  const { actor, patientId, action, tx } = options;
  const now = options.now ?? new Date();
  const grants =
    actor && actor.role !== "PATIENT" && patientId && hasPermission(actor, "grants:use") ? await loadActiveGrants({ granteeId: actor.id, patientId, now, tx }) : [];
  return decideHealthFromGrants({ actor, patientId, action, grants, now });
}
