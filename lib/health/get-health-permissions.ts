// What the viewer may do with a patient's health data right now, for pages
// that offer forms: view, change (the patient), propose (a clinician with
// CONTRIBUTE or PROPOSE_EDITS, scope ALL). Not audited: it reads no data.
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { decideHealthAccess } from "@/lib/authz/health-access";
import { db } from "@/lib/db";
import type { Actor } from "./health-access";

export interface HealthPermissions {
  patient: { id: string; name: string | null } | null;
  canView: boolean;
  canChange: boolean;
  canPropose: boolean;
}

export async function getHealthPermissions(options: { actor: Actor; patientId: string }): Promise<HealthPermissions> {
  const none: HealthPermissions = { patient: null, canView: false, canChange: false, canPropose: false };
  const patientId = typeof options.patientId === "string" ? options.patientId.trim() : "";
  if (!patientId || patientId.length > 64) return none;
  const actor = await resolveAccessActor(options.actor);
  if (!actor) return none;
  const [view, propose] = await Promise.all([
    decideHealthAccess({ actor, patientId, action: "health:view" }),
    decideHealthAccess({ actor, patientId, action: "health:propose" }),
  ]);
  if (!view.allowed) return none;
  const patient = await db.user.findUnique({ where: { id: patientId }, select: { id: true, name: true } });
  if (!patient) return none;
  return { patient, canView: true, canChange: view.via === "owner", canPropose: propose.allowed };
}
