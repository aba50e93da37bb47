// The filters of the patient's "Who saw my data" page, from its URL. Client-safe.
import { z } from "zod";

export const ACTIVITY_GROUPS = {
  views: "Views and previews",
  downloads: "Downloads",
  sharing: "Sharing and requests",
  emergency: "Emergency access",
  proposals: "Proposed changes",
  changes: "Uploads and changes",
  exports: "Exports",
} as const;
export type ActivityGroup = keyof typeof ACTIVITY_GROUPS;

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()));

/** Bad values fall back to "no filter": a hand-edited URL shows everything rather than an error. */
export const ZActivityQuerySchema = z.object({
  who: z.string().trim().max(64).regex(/^[A-Za-z0-9_-]*$/).catch("").default(""),
  what: z.enum(Object.keys(ACTIVITY_GROUPS) as [ActivityGroup, ...ActivityGroup[]]).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TActivityQuery = z.output<typeof ZActivityQuerySchema>;

/** The page's URL for a query (unset filters left out). */
export function activityHref(query: Partial<TActivityQuery>, base = "/patient/activity"): string {
  const params = new URLSearchParams();
  if (query.who) params.set("who", query.who);
  if (query.what) params.set("what", query.what);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
