// What a clinician may do with one patient's data right now, for the pages
// under /clinician/patients/[patientId]: the patient's name, the grants in
// force (a regular one and/or an emergency one) and the actions they allow,
// all through lib/authz's one decision. No access at all, an unknown patient
// and a malformed id get the same NOT_FOUND.
import { decideAccess, loadActiveGrants, resolveAccessActor } from "@/lib/authz/decide-access";
import { effectiveLevel, effectiveScope, grantIsActive } from "@/lib/authz/grant-rules";
import { hasPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GrantLevel, GrantScope, RecordCategory } from "@/lib/generated/prisma/client";
import { ZGrantIdSchema } from "@/lib/validation/sharing";
import type { SharingActor } from "./sharing-actor";

export interface SharedPatientGrant {
  id: string;
  origin: "DIRECT" | "REQUEST" | "EMERGENCY";
  scope: GrantScope;
  categories: RecordCategory[];
  recordCount: number;
  level: GrantLevel;
  expiresAt: Date;
}

export interface SharedPatientAccess {
  patient: { id: string; name: string | null };
  /** Regular grants first, then the emergency one. */
  grants: SharedPatientGrant[];
  /** The running emergency access, when there is one (shown as a banner on every page of the patient). */
  emergency: SharedPatientGrant | null;
  can: { download: boolean; upload: boolean; proposeEdits: boolean };
}

export async function getSharedPatientAccess(options: { actor: SharingActor; patientId: string; now?: Date }): Promise<SharedPatientAccess> {
  const now = options.now ?? new Date();
  const parsed = ZGrantIdSchema.safeParse(options.patientId);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const patientId = parsed.data;
  const actor = await resolveAccessActor(options.actor);
  if (!actor || actor.role === "PATIENT" || !hasPermission(actor, "grants:use")) throw new AppError("NOT_FOUND");

  const view = await decideAccess({ actor, patientId, action: "view", now });
  if (!view.allowed) throw new AppError("NOT_FOUND");

  const [patient, grants, download, upload, proposeEdits] = await Promise.all([
    db.user.findUnique({ where: { id: patientId }, select: { id: true, name: true } }),
    loadActiveGrants({ granteeId: actor.id, patientId, now }),
    decideAccess({ actor, patientId, action: "download", now }),
    decideAccess({ actor, patientId, action: "upload", now }),
    decideAccess({ actor, patientId, action: "propose_edit", now }),
  ]);
  if (!patient) throw new AppError("NOT_FOUND");

  const active = grants
    .filter((grant) => grantIsActive(grant, now))
    .map(
      (grant): SharedPatientGrant => ({
        id: grant.id,
        origin: grant.origin,
        scope: effectiveScope(grant),
        categories: grant.origin === "EMERGENCY" ? [] : [...grant.categories],
        recordCount: grant.origin === "EMERGENCY" ? 0 : grant.recordIds.length,
        level: effectiveLevel(grant),
        expiresAt: grant.expiresAt,
      }),
    )
    .sort((a, b) => Number(a.origin === "EMERGENCY") - Number(b.origin === "EMERGENCY"));

  return {
    patient,
    grants: active,
    emergency: active.find((grant) => grant.origin === "EMERGENCY") ?? null,
    can: { download: download.allowed, upload: upload.allowed, proposeEdits: proposeEdits.allowed },
  };
}
