// Filters of the admin audit search, from the page URL or the export form.
// Client-safe. Bad values fall back to "no filter" on the page; the export
// route parses the same schema, so it exports exactly what the page showed.
import { z } from "zod";

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()));

const person = z.string().trim().max(254).catch("").default("");

export const ZAdminAuditQuerySchema = z.object({
  /** The actor: an email address or a user id. */
  user: person,
  /** The patient the event is about: an email address or a user id. */
  patient: person,
  /** An action ("record.downloaded") or its prefix ("record."). */
  action: z.string().trim().max(100).regex(/^[a-z0-9_.]*$/).catch("").default(""),
  outcome: z.enum(["ALLOWED", "DENIED"]).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TAdminAuditQuery = z.output<typeof ZAdminAuditQuerySchema>;

export const ADMIN_AUDIT_PATH = "/admin/audit";

export function adminAuditHref(query: Partial<TAdminAuditQuery>): string {
  const params = new URLSearchParams();
  for (const key of ["user", "patient", "action", "outcome", "from", "to"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${ADMIN_AUDIT_PATH}?${search}` : ADMIN_AUDIT_PATH;
}
