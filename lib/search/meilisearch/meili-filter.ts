// The Meilisearch filter of one search, built by the server on every query
// from the searcher's access scope and the validated filters. Every value is a
// double-quoted string with backslashes and quotes escaped; the search text is
// never part of a filter (it goes to `q`, where it is only text).
import type { AccessScope } from "../access-scope";
import type { SearchQuery } from "../types";

/** A Meilisearch filter string literal. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const list = (values: readonly string[]) => `[${values.map(quoteFilterValue).join(", ")}]`;

/** Days since 1970-01-01 of a calendar date: how dates of service are stored and compared. */
export function epochDay(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/** The access part alone; null when the scope allows nothing (then no search is made). */
export function accessFilter(scope: AccessScope): string | null {
  if (scope.kind !== "clauses" || scope.clauses.length === 0) return null;
  const whole = scope.clauses.filter((clause) => !clause.categories && !clause.recordIds).map((clause) => clause.ownerId);
  const parts: string[] = [];
  if (whole.length) parts.push(`ownerId IN ${list(whole)}`);
  for (const clause of scope.clauses) {
    if (clause.categories?.length) parts.push(`(ownerId = ${quoteFilterValue(clause.ownerId)} AND category IN ${list(clause.categories)})`);
    else if (clause.recordIds?.length) parts.push(`(ownerId = ${quoteFilterValue(clause.ownerId)} AND id IN ${list(clause.recordIds)})`);
  }
  return parts.length ? `(${parts.join(" OR ")})` : null;
}

/** Access AND filters; null when nothing may be seen. */
export function meiliFilter(options: { scope: AccessScope; query: SearchQuery }): string | null {
  const { query } = options;
  const access = accessFilter(options.scope);
  if (!access) return null;
  const parts = [access];
  if (!query.includeArchived) parts.push(`status = ${quoteFilterValue("READY")}`);
  if (query.patientId) parts.push(`ownerId = ${quoteFilterValue(query.patientId)}`);
  if (query.category) parts.push(`category = ${quoteFilterValue(query.category)}`);
  if (query.modality) parts.push(`modality = ${quoteFilterValue(query.modality)}`);
  if (query.provider) parts.push(`providerKey = ${quoteFilterValue(query.provider.trim().toLowerCase())}`);
  if (query.from) parts.push(`dateOfService >= ${epochDay(query.from)}`);
  if (query.to) parts.push(`dateOfService <= ${epochDay(query.to)}`);
  return parts.join(" AND ");
}
