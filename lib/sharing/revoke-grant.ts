// The patient ends a grant (any origin, emergency included) at once: from the
// commit on, decideAccess and the where-builders no longer see it, so no new
// view, download, SAS, preview or search result is given through it.
// Idempotent: concurrent or repeated revokes leave the first revokedAt and one
// audit row; the later calls learn "already_revoked".
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { ZGrantIdSchema } from "@/lib/validation/sharing";
import { notifyGrantRevoked } from "@/lib/notifications/events/sharing-events";
import { toGrantSummary, type GrantSummary } from "./grant-summary";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export async function revokeGrant(options: {
  actor: SharingActor;
  grantId: string;
  context: RequestContext;
  now?: Date;
}): Promise<{ grant: GrantSummary; outcome: "revoked" | "already_revoked" }> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "grants:manage" });
  const grantId = parseInput(ZGrantIdSchema, options.grantId);

  return db.$transaction(async (tx) => {
    // Row-locking update: of two concurrent revokes, the second waits, re-reads and matches nothing.
    const { count } = await tx.grant.updateMany({
      where: { id: grantId, patientId: patient.id, revokedAt: null },
      data: { revokedAt: now, revokedById: patient.id },
    });
    // Someone else's grant and a missing one look the same.
    const grant = await tx.grant.findFirst({ where: { id: grantId, patientId: patient.id } });
    if (!grant) throw new AppError("NOT_FOUND");
    if (count === 0) return { grant: toGrantSummary(grant, now), outcome: "already_revoked" as const };

    await recordAuditEvent(
      {
        action: grant.origin === "EMERGENCY" ? "emergency.ended" : "grant.revoked",
        outcome: "ALLOWED",
        actorId: patient.id,
        actorRole: patient.role,
        patientId: patient.id,
        targetType: "grant",
        targetId: grant.id,
        ...options.context,
        details: { granteeId: grant.granteeId, origin: grant.origin, ...(grant.origin === "EMERGENCY" && { emergency: true }) },
      },
      { tx },
    );
    await notifyGrantRevoked({ tx, grant });
    return { grant: toGrantSummary(grant, now), outcome: "revoked" as const };
  });
}
