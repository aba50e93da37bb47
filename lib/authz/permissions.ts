// The role permission table: which kinds of action a role may take at all.
// It never grants access to a patient's data by itself; that is decided per
// patient by decideAccess (ownership, grants, emergency). A clinician's
// permissions count only once an admin verified them and while they are active;
// a suspended account has none.
import type { Role, UserStatus } from "@/lib/generated/prisma/client";

export const PERMISSIONS = [
  /** Upload, read, change, delete and export one's own records and health data. */
  "own_data:manage",
  /** Share one's own data, revoke shares, see who holds access. */
  "grants:manage",
  /** Approve or deny access requests made to oneself. */
  "access_requests:decide",
  /** Search verified clinicians to share with. */
  "clinicians:search",
  /** Ask a patient for access. */
  "access_requests:create",
  /** Use grants a patient gave (view, download, contribute, propose edits). */
  "grants:use",
  /** Open a patient's records without a grant, with a reason, for a short time. */
  "emergency:open",
  /** End someone's emergency access (the patient ends it through grants:manage). */
  "emergency:end",
  /** Verify, suspend and reactivate clinicians. */
  "clinicians:administer",
  /** Read and export the access log. Never medical content. */
  "audit:read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const CLINICIAN: readonly Permission[] = ["access_requests:create", "grants:use", "emergency:open"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  PATIENT: ["own_data:manage", "grants:manage", "access_requests:decide", "clinicians:search"],
  PHYSICIAN: CLINICIAN,
  NURSE: CLINICIAN,
  STAFF: CLINICIAN,
  // Admins see no medical content: no own_data, no grants:use.
  ADMIN: ["clinicians:administer", "audit:read", "emergency:end"],
};

export const CLINICIAN_ROLES: readonly Role[] = ["PHYSICIAN", "NURSE", "STAFF"];

export const isClinicianRole = (role: Role) => CLINICIAN_ROLES.includes(role);

/** Who is asking, as far as authorization cares. `verified`: the clinician profile was verified by an admin. */
export interface AccessActor {
  id: string;
  role: Role;
  status: UserStatus;
  verified: boolean;
}

/** Whether the actor's role, status and verification allow this kind of action at all. */
export function hasPermission(actor: AccessActor | null | undefined, permission: Permission): boolean {
  if (!actor || !actor.id || actor.status !== "ACTIVE") return false;
  if (isClinicianRole(actor.role) && !actor.verified) return false;
  return ROLE_PERMISSIONS[actor.role]?.includes(permission) ?? false;
}
