// What callers see of a grant: its terms and state, never the reason text
// (it may hold medical context; the patient reads it in the grant's detail).
import { grantState, type GrantState } from "@/lib/authz/grant-rules";
import type { Grant } from "@/lib/generated/prisma/client";

export interface GrantSummary {
  id: string;
  patientId: string;
  granteeId: string;
  scope: Grant["scope"];
  categories: Grant["categories"];
  recordIds: string[];
  level: Grant["level"];
  origin: Grant["origin"];
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  state: GrantState;
}

export function toGrantSummary(grant: Grant, now: Date = new Date()): GrantSummary {
  return {
    id: grant.id,
    patientId: grant.patientId,
    granteeId: grant.granteeId,
    scope: grant.scope,
    categories: grant.categories,
    recordIds: grant.recordIds,
    level: grant.level,
    origin: grant.origin,
    expiresAt: grant.expiresAt,
    revokedAt: grant.revokedAt,
    createdAt: grant.createdAt,
    updatedAt: grant.updatedAt,
    state: grantState(grant, now),
  };
}
