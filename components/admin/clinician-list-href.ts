import type { TClinicianListQuery } from "@/lib/admin/clinicians/schemas";

export const CLINICIANS_PATH = "/admin/clinicians";

/** The list URL for a query, leaving out defaults so links stay short and shareable. */
export function clinicianListHref(query: TClinicianListQuery, change: Partial<TClinicianListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.status !== "pending") params.set("status", next.status);
  if (next.role) params.set("role", next.role);
  if (next.q) params.set("q", next.q);
  if (next.sort !== "createdAt") params.set("sort", next.sort);
  if (next.dir) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${CLINICIANS_PATH}?${search}` : CLINICIANS_PATH;
}
