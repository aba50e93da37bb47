// The one function that decides whether someone may act on a patient's data,
// checked at the moment of access: it reads the grants in force right now, so a
// revoke or an expiry counts from that instant, with no job in between.
import { db, type Tx } from "@/lib/db";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { decideFromGrants, type AccessDecision } from "./decide-from-grants";
import type { AccessAction, GrantFacts, RecordFacts } from "./grant-rules";
import { sessionAccessFactsOf } from "./session-access-facts";
import { hasPermission, isClinicianRole, type AccessActor } from "./permissions";

export type { AccessDecision } from "./decide-from-grants";
export type { AccessAction } from "./grant-rules";
export type { AccessActor } from "./permissions";

export const GRANT_FACTS_SELECT = {
  id: true,
  patientId: true,
  granteeId: true,
  scope: true,
  categories: true,
  recordIds: true,
  level: true,
  origin: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const satisfies Prisma.GrantSelect;

/** Grants in force at `now` held by `granteeId`, from one patient or (without patientId) from all. */
export async function loadActiveGrants(options: { granteeId: string; patientId?: string; now: Date; tx?: Tx }): Promise<GrantFacts[]> {
  const { granteeId, patientId, now, tx = db } = options;
  if (!granteeId || patientId === "") return [];
  return tx.grant.findMany({
    where: { granteeId, ...(patientId !== undefined && { patientId }), revokedAt: null, expiresAt: { gt: now } },
    select: GRANT_FACTS_SELECT,
  });
}

/**
 * The actor as authorization sees it, read fresh from the database (status and
 * verification can change between requests). null for an unknown id.
 */
export async function loadAccessActor(options: { id: string; tx?: Tx }): Promise<AccessActor | null> {
  const { id, tx = db } = options;
  if (!id) return null;
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, role: true, status: true, clinicianProfile: { select: { verifiedAt: true } } },
  });
  if (!user) return null;
  return { id: user.id, role: user.role, status: user.status, verified: isClinicianRole(user.role) && user.clinicianProfile?.verifiedAt != null };
}

/**
 * An actor given as { id, role } (e.g. lib/authz/records.ts's Actor) made complete from the database; the role must match.
 * A CurrentUser carries the facts read with its session in this request and is not read again, except inside a
 * transaction, where the actor is read in it like everything else the decision rests on.
 */
export async function resolveAccessActor(actor: { id: string; role: Role } | null | undefined, tx?: Tx): Promise<AccessActor | null> {
  if (!actor?.id) return null;
  const fromSession = tx ? undefined : sessionAccessFactsOf(actor);
  if (fromSession) return { id: actor.id, role: actor.role, status: fromSession.status, verified: isClinicianRole(actor.role) && fromSession.verified };
  const loaded = await loadAccessActor({ id: actor.id, tx });
  return loaded && loaded.role === actor.role ? loaded : null;
}

export interface DecideAccessInput {
  actor: AccessActor | null | undefined;
  patientId: string;
  action: AccessAction;
  record?: RecordFacts | null;
  now?: Date;
  tx?: Tx;
}

export async function decideAccess(input: DecideAccessInput): Promise<AccessDecision> {
  const { actor, patientId, action, record, tx } = input;
  const now = input.now ?? new Date();
  // Only active, verified clinicians use grants: nobody else needs the query.
  const grants =
    actor && actor.role !== "PATIENT" && patientId && hasPermission(actor, "grants:use")
      ? await loadActiveGrants({ granteeId: actor.id, patientId, now, tx })
      : [];
  return decideFromGrants({ actor, patientId, action, record, grants, now });
}
