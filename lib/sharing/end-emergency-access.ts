// Ends an emergency access before its 4 hours are up: the patient whose records
// it opened, any admin, or the clinician who opened it (ending one's own access
// early only ever narrows it). Idempotent like revokeGrant.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveAccessActor, type AccessActor } from "@/lib/authz/decide-access";
import { hasPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { ZGrantIdSchema } from "@/lib/validation/sharing";
import { parseInput } from "@/lib/validation/parse-input";
import type { SharingActor } from "./sharing-actor";

/** Whose emergency grants this actor may end; anything else is "not found". */
function endableBy(actor: AccessActor): Prisma.GrantWhereInput | null {
  if (actor.role === "ADMIN") return hasPermission(actor, "emergency:end") ? { origin: "EMERGENCY" } : null;
  if (actor.role === "PATIENT") return hasPermission(actor, "grants:manage") ? { patientId: actor.id } : null;
  return { granteeId: actor.id };
}

export async function endEmergencyAccess(options: {
  actor: SharingActor;
  grantId: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ outcome: "ended" | "already_ended" }> {
  const now = options.now ?? new Date();
  const actor = await resolveAccessActor(options.actor);
  if (!actor || actor.status !== "ACTIVE") throw new AppError("UNAUTHENTICATED");
  const grantId = parseInput(ZGrantIdSchema, options.grantId);

  const mine = endableBy(actor);
  if (!mine) throw new AppError("NOT_FOUND");
  const where: Prisma.GrantWhereInput = { AND: [{ id: grantId, origin: "EMERGENCY" }, mine] };

  return db.$transaction(async (tx) => {
    const { count } = await tx.grant.updateMany({ where: { AND: [where, { revokedAt: null }] }, data: { revokedAt: now, revokedById: actor.id } });
    const grant = await tx.grant.findFirst({ where, select: { id: true, patientId: true, granteeId: true } });
    if (!grant) throw new AppError("NOT_FOUND");
    if (count === 0) return { outcome: "already_ended" as const };
    await recordAuditEvent(
      {
        action: "emergency.ended",
        outcome: "ALLOWED",
        actorId: actor.id,
        actorRole: actor.role,
        patientId: grant.patientId,
        targetType: "grant",
        targetId: grant.id,
        ...options.context,
        details: { emergency: true, granteeId: grant.granteeId },
      },
      { tx },
    );
    return { outcome: "ended" as const };
  });
}
