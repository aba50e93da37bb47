// An AccessScope as a SQL condition, with every value bound as a parameter.
// Grouped so a clinician with many grants makes one ANY() list. `on` names
// the columns: the live "Record" row, or a search document's copies of the
// same facts (its owner never changes; its category is re-copied by the index
// job after every change, and hits are re-checked against Record).
import { Prisma } from "@/lib/generated/prisma/client";
import type { AccessScope } from "../access-scope";

export interface AccessColumns {
  ownerId: Prisma.Sql;
  category: Prisma.Sql;
  id: Prisma.Sql;
}

export const RECORD_COLUMNS: AccessColumns = { ownerId: Prisma.sql`r."ownerId"`, category: Prisma.sql`r."category"`, id: Prisma.sql`r."id"` };
export const DOCUMENT_COLUMNS: AccessColumns = { ownerId: Prisma.sql`d."ownerId"`, category: Prisma.sql`d."category"`, id: Prisma.sql`d."recordId"` };

export function accessSql(scope: AccessScope, on: AccessColumns = RECORD_COLUMNS): Prisma.Sql {
  if (scope.kind !== "clauses" || scope.clauses.length === 0) return Prisma.sql`FALSE`;
  const wholeOwners = scope.clauses.filter((clause) => !clause.categories && !clause.recordIds).map((clause) => clause.ownerId);
  const parts: Prisma.Sql[] = [];
  if (wholeOwners.length) parts.push(Prisma.sql`${on.ownerId} = ANY(${wholeOwners}::text[])`);
  for (const clause of scope.clauses) {
    if (clause.categories?.length) {
      parts.push(Prisma.sql`(${on.ownerId} = ${clause.ownerId} AND ${on.category}::text = ANY(${clause.categories}::text[]))`);
    } else if (clause.recordIds?.length) {
      parts.push(Prisma.sql`(${on.ownerId} = ${clause.ownerId} AND ${on.id} = ANY(${clause.recordIds}::text[]))`);
    }
  }
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The scope on a search document, led by an indexable owner list. When every
 * clause covers a whole owner the list is the whole rule; repeating it would
 * make the planner square its selectivity (300 of 1,000 owners estimated as
 * 9% instead of 30%) and pick a full-table scan over the GIN index.
 */
export function documentAccessSql(scope: AccessScope): Prisma.Sql {
  if (scope.kind !== "clauses" || scope.clauses.length === 0) return Prisma.sql`FALSE`;
  const narrowed = scope.clauses.some((clause) => clause.categories || clause.recordIds);
  const owners = Prisma.sql`${DOCUMENT_COLUMNS.ownerId} = ANY(${scopeOwners(scope)}::text[])`;
  return narrowed ? Prisma.sql`${owners} AND ${accessSql(scope, DOCUMENT_COLUMNS)}` : owners;
}

/** Every owner the scope names: a cheap, indexable pre-filter that never widens it. */
export function scopeOwners(scope: AccessScope): string[] {
  return scope.kind === "clauses" ? [...new Set(scope.clauses.map((clause) => clause.ownerId))] : [];
}
