// Who may see which records, for an engine. The rule is lib/authz's and is
// written once there (recordWhereForActor: ownership, grants by scope, level,
// expiry, revocation, emergency access, account status); this file reads the
// Prisma filter it returns into a neutral list of clauses that each engine
// turns into its own query language (SQL, a Meilisearch filter). It understands
// exactly the shapes that builder produces and refuses anything else, so a
// change there fails loudly here instead of silently widening a search.
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { recordWhereForActor } from "@/lib/authz/record-where";
import type { Actor } from "@/lib/authz/records";
import type { Prisma, RecordCategory } from "@/lib/generated/prisma/client";

/** Records of one owner; narrowed to categories or record ids when given (never empty lists). */
export interface AccessClause {
  ownerId: string;
  categories?: RecordCategory[];
  recordIds?: string[];
}

/** Nothing at all, or the union of clauses. */
export type AccessScope = { kind: "none" } | { kind: "clauses"; clauses: AccessClause[]; where: Prisma.RecordWhereInput };

export class UnsupportedAccessFilterError extends Error {
  constructor(detail: string) {
    super(`Search cannot apply this access filter (${detail}); refusing to search`);
    this.name = "UnsupportedAccessFilterError";
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

function inList(value: unknown, field: string): string[] {
  if (!isObject(value) || Object.keys(value).length !== 1 || !isStringArray(value.in)) throw new UnsupportedAccessFilterError(`${field} is not an "in" list`);
  return value.in;
}

/** `{ id: { in: [] } }`: lib/authz's match-nothing filter. */
function isMatchNothing(where: Record<string, unknown>): boolean {
  return Object.keys(where).length === 1 && isObject(where.id) && Object.keys(where.id).length === 1 && Array.isArray(where.id.in) && where.id.in.length === 0;
}

function readClause(where: unknown): AccessClause[] {
  if (!isObject(where)) throw new UnsupportedAccessFilterError("clause is not an object");
  if (isMatchNothing(where)) return [];
  const keys = Object.keys(where).sort();
  // Whole patients, several at once: { ownerId: { in: [...] } }.
  if (keys.length === 1 && isObject(where.ownerId)) {
    const owners = inList(where.ownerId, "ownerId");
    if (owners.some((ownerId) => !ownerId)) throw new UnsupportedAccessFilterError("empty ownerId");
    return owners.map((ownerId) => ({ ownerId }));
  }
  if (typeof where.ownerId !== "string" || !where.ownerId) throw new UnsupportedAccessFilterError("clause without ownerId");
  const ownerId = where.ownerId;
  if (keys.length === 1) return [{ ownerId }];
  if (keys.length === 2 && keys[0] === "category") {
    const categories = inList(where.category, "category") as RecordCategory[];
    return categories.length ? [{ ownerId, categories }] : [];
  }
  if (keys.length === 2 && keys[0] === "id") {
    const recordIds = inList(where.id, "id");
    return recordIds.length ? [{ ownerId, recordIds }] : [];
  }
  throw new UnsupportedAccessFilterError(`unexpected keys ${keys.join(",")}`);
}

/** Pure: the scope a record-where filter describes. */
export function accessScopeFromWhere(where: Prisma.RecordWhereInput): AccessScope {
  const raw: unknown = where;
  if (!isObject(raw)) throw new UnsupportedAccessFilterError("not an object");
  const parts = Object.keys(raw).length === 1 && Array.isArray(raw.OR) ? raw.OR : [raw];
  const clauses = parts.flatMap(readClause);
  return clauses.length ? { kind: "clauses", clauses, where } : { kind: "none" };
}

/** What `actor` may view right now, optionally of one patient only. */
export async function searchAccessScope(options: { actor: Actor; patientId?: string }): Promise<AccessScope> {
  const actor = await resolveAccessActor(options.actor);
  const where = await recordWhereForActor({ actor, patientId: options.patientId, action: "view" });
  return accessScopeFromWhere(where);
}
