// What a grant allows, as pure functions shared by the access decision, the
// Prisma where-builders, the sharing use cases and their forms (client-safe).
//
// Levels: VIEW < DOWNLOAD; CONTRIBUTE and PROPOSE_EDITS each include DOWNLOAD
// (and so VIEW) but not each other: a clinician who adds records for a patient
// need not be one who proposes changes to them, and the other way round.
import type { GrantLevel, GrantOrigin, GrantScope, RecordCategory } from "@/lib/generated/prisma/enums";

export const ACCESS_ACTIONS = ["view", "preview", "download", "upload", "propose_edit", "edit", "delete", "share", "export"] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Actions about one existing record (the others are about the patient as a whole). */
export const RECORD_ACTIONS = ["view", "preview", "download", "propose_edit", "edit", "delete"] as const satisfies readonly AccessAction[];
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/**
 * The level a grantee needs for each action; null: the owner only. Upload needs
 * CONTRIBUTE whatever the scope: the scope limits what a grantee reads, not what
 * they may add (a new record's category is only known after categorization).
 */
export const ACTION_LEVEL: Readonly<Record<AccessAction, GrantLevel | null>> = {
  view: "VIEW",
  preview: "VIEW",
  download: "DOWNLOAD",
  upload: "CONTRIBUTE",
  propose_edit: "PROPOSE_EDITS",
  edit: null,
  delete: null,
  share: null,
  export: null,
};

/** The levels each level includes (itself too). */
export const LEVEL_INCLUDES: Readonly<Record<GrantLevel, readonly GrantLevel[]>> = {
  VIEW: ["VIEW"],
  DOWNLOAD: ["VIEW", "DOWNLOAD"],
  CONTRIBUTE: ["VIEW", "DOWNLOAD", "CONTRIBUTE"],
  PROPOSE_EDITS: ["VIEW", "DOWNLOAD", "PROPOSE_EDITS"],
};

export function levelIncludes(held: GrantLevel, needed: GrantLevel): boolean {
  return LEVEL_INCLUDES[held].includes(needed);
}

/** Emergency access: view only, all records, at most this long. */
export const EMERGENCY_ACCESS_MS = 4 * 60 * 60_000;

/** The facts of a grant the decision needs (a Grant row fits). */
export interface GrantFacts {
  id: string;
  patientId: string;
  granteeId: string;
  scope: GrantScope;
  categories: readonly RecordCategory[];
  recordIds: readonly string[];
  level: GrantLevel;
  origin: GrantOrigin;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

/** The record facts a scope is checked against. */
export interface RecordFacts {
  id: string;
  ownerId: string;
  category: RecordCategory | null;
}

/**
 * In force at `now`: not revoked, not past its end. An emergency grant also
 * ends 4 h after it was opened whatever its row says, and is view-only on all
 * records whatever level or scope its row says.
 */
export function grantIsActive(grant: GrantFacts, now: Date): boolean {
  if (grant.revokedAt !== null) return false;
  if (grant.expiresAt.getTime() <= now.getTime()) return false;
  if (grant.origin === "EMERGENCY" && now.getTime() >= grant.createdAt.getTime() + EMERGENCY_ACCESS_MS) return false;
  return true;
}

export function effectiveLevel(grant: GrantFacts): GrantLevel {
  return grant.origin === "EMERGENCY" ? "VIEW" : grant.level;
}

export function effectiveScope(grant: GrantFacts): GrantScope {
  return grant.origin === "EMERGENCY" ? "ALL" : grant.scope;
}

export function grantCoversRecord(grant: GrantFacts, record: RecordFacts): boolean {
  if (record.ownerId !== grant.patientId) return false;
  switch (effectiveScope(grant)) {
    case "ALL":
      return true;
    case "CATEGORIES":
      return record.category !== null && grant.categories.includes(record.category);
    case "RECORDS":
      return grant.recordIds.includes(record.id);
    default:
      return false;
  }
}

export type GrantState = "active" | "expired" | "revoked";

/** How a grant is shown to its patient. */
export function grantState(grant: GrantFacts, now: Date): GrantState {
  if (grant.revokedAt !== null) return "revoked";
  return grantIsActive(grant, now) ? "active" : "expired";
}
