// The start of every health data use case: the caller resolved fresh from the
// database (role, status, verification) and the access decision for the
// patient's health data (lib/authz/health-access.ts). Denied looks exactly
// like missing: NOT_FOUND either way.
import { resolveAccessActor, type AccessActor, type AccessDecision } from "@/lib/authz/decide-access";
import { decideHealthAccess, type HealthAction } from "@/lib/authz/health-access";
import type { Actor } from "@/lib/authz/records";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type { Actor } from "@/lib/authz/records";

export type AllowedDecision = Extract<AccessDecision, { allowed: true }>;

export async function requireHealthAccess(options: { actor: Actor | null | undefined; patientId: string; action: HealthAction; tx?: Tx }): Promise<{
  actor: AccessActor;
  access: AllowedDecision;
}> {
  const actor = await resolveAccessActor(options.actor, options.tx);
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const access = await decideHealthAccess({ actor, patientId: options.patientId, action: options.action, tx: options.tx });
  if (!access.allowed) throw new AppError("NOT_FOUND");
  return { actor, access };
}

/** Audit details saying how access was given (never medical content). */
export function accessDetails(access: AllowedDecision): Record<string, string | boolean> {
  return access.via === "owner" ? { via: "owner" } : { via: access.via, grantId: access.grantId, emergency: access.via === "emergency" };
}
