// Prisma `where` builders that put the access decision inside record queries
// (lists, search, lookups by id). They never return an empty or undefined
// filter for someone without access: that case gets MATCH_NOTHING, because
// Prisma drops undefined filters and `{}` matches every row.
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadActiveGrants } from "./decide-access";
import { ACTION_LEVEL, effectiveLevel, effectiveScope, grantIsActive, levelIncludes, type GrantFacts, type RecordAction } from "./grant-rules";
import { hasPermission, type AccessActor } from "./permissions";

/** A filter no row satisfies. A new object each time, so no caller can change a shared one. */
export const matchNothing = (): Prisma.RecordWhereInput => ({ id: { in: [] } });

function grantClause(grant: GrantFacts): Prisma.RecordWhereInput | null {
  switch (effectiveScope(grant)) {
    case "ALL":
      return { ownerId: grant.patientId };
    case "CATEGORIES":
      return grant.categories.length > 0 ? { ownerId: grant.patientId, category: { in: [...grant.categories] } } : null;
    case "RECORDS":
      return grant.recordIds.length > 0 ? { ownerId: grant.patientId, id: { in: [...grant.recordIds] } } : null;
    default:
      return null;
  }
}

export interface RecordWhereFromGrantsInput {
  actor: AccessActor | null | undefined;
  /** Only this patient's records; all patients the actor may see when omitted. */
  patientId?: string;
  /** What the caller will do with the rows; "view" for lists and search. */
  action?: RecordAction;
  grants: readonly GrantFacts[];
  now: Date;
}

/** Pure: the filter for an actor given the grants they hold. */
export function recordWhereFromGrants(input: RecordWhereFromGrantsInput): Prisma.RecordWhereInput {
  const { actor, patientId, now } = input;
  const action = input.action ?? "view";
  if (!actor || !actor.id || patientId === "") return matchNothing();

  if (actor.role === "PATIENT") {
    if (!hasPermission(actor, "own_data:manage")) return matchNothing();
    if (patientId !== undefined && patientId !== actor.id) return matchNothing();
    return { ownerId: actor.id };
  }

  const needed = ACTION_LEVEL[action];
  if (!needed || !hasPermission(actor, "grants:use")) return matchNothing();
  const clauses: Prisma.RecordWhereInput[] = [];
  for (const grant of input.grants) {
    if (grant.granteeId !== actor.id || (patientId !== undefined && grant.patientId !== patientId)) continue;
    if (!grantIsActive(grant, now) || !levelIncludes(effectiveLevel(grant), needed)) continue;
    const clause = grantClause(grant);
    if (clause) clauses.push(clause);
  }
  if (clauses.length === 0) return matchNothing();
  const combined = combineWholeOwners(clauses);
  return combined.length === 1 ? combined[0]! : { OR: combined };
}

/**
 * Whole-patient clauses ({ ownerId }) merged into one `ownerId IN (...)`, first:
 * the same rows, but a clinician with 300 patients gets one indexable condition
 * instead of an OR of 300, which Prisma compiled and Postgres planned in about
 * 15 ms on every list and search re-check (bench/RESULTS.md).
 */
function combineWholeOwners(clauses: Prisma.RecordWhereInput[]): Prisma.RecordWhereInput[] {
  const isWholeOwner = (clause: Prisma.RecordWhereInput) => Object.keys(clause).length === 1 && typeof clause.ownerId === "string";
  const owners = [...new Set(clauses.filter(isWholeOwner).map((clause) => clause.ownerId as string))];
  if (owners.length < 2) return clauses;
  return [{ ownerId: { in: owners } }, ...clauses.filter((clause) => !isWholeOwner(clause))];
}

/** The filter for an actor right now: loads their grants in force. */
export async function recordWhereForActor(options: {
  actor: AccessActor | null | undefined;
  patientId?: string;
  action?: RecordAction;
  now?: Date;
  tx?: Tx;
}): Promise<Prisma.RecordWhereInput> {
  const { actor, patientId, action, tx } = options;
  const now = options.now ?? new Date();
  const grants =
    actor && actor.role !== "PATIENT" && hasPermission(actor, "grants:use") ? await loadActiveGrants({ granteeId: actor.id, patientId, now, tx }) : [];
  return recordWhereFromGrants({ actor, patientId, action, grants, now });
}
