// Writes the one DIRECT/REQUEST grant of a (patient, grantee) pair inside the
// caller's transaction: creates it, or updates the pair's non-revoked grant in
// place (sharing again renews an expired one too). Shared by grantAccess and
// the approval of an access request. The audit row commits with the change.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Grant, GrantLevel, GrantOrigin, Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import type { TGrantScope } from "@/lib/validation/sharing";
import { notifyGrantSaved } from "@/lib/notifications/events/sharing-events";
import { lockSharingPair } from "./lock-pair";

export interface UpsertGrantOptions {
  tx: Tx;
  patientId: string;
  granteeId: string;
  terms: TGrantScope & { level: GrantLevel; expiresAt: Date };
  origin: Exclude<GrantOrigin, "EMERGENCY">;
  reason?: string | null;
  /** Who makes the change (the patient), for the audit row. */
  actor: { id: string; role: Role };
  context: RequestContext;
}

export async function upsertGrant(options: UpsertGrantOptions): Promise<{ grant: Grant; outcome: "created" | "updated" }> {
  const { tx, patientId, granteeId, terms, origin, actor, context } = options;
  await lockSharingPair(tx, { patientId, granteeId });

  if (terms.scope === "RECORDS") {
    // Only the patient's own records; someone else's id and a missing one get the same answer.
    const owned = await tx.record.count({ where: { id: { in: terms.recordIds }, ownerId: patientId } });
    if (owned !== terms.recordIds.length) {
      const message = "Some of the chosen records are not available. Reload and choose again.";
      throw new AppError("VALIDATION_FAILED", message, { fieldErrors: { recordIds: [message] } });
    }
  }

  const data = {
    scope: terms.scope,
    categories: terms.categories,
    recordIds: terms.recordIds,
    level: terms.level,
    expiresAt: terms.expiresAt,
    origin,
    reason: options.reason ?? null,
    // New terms, new end date: the reminder is due again.
    reminderSentAt: null,
  };
  const existing = await tx.grant.findFirst({
    where: { patientId, granteeId, revokedAt: null, origin: { not: "EMERGENCY" } },
    select: { id: true },
  });
  let grant: Grant | null = null;
  if (existing) {
    // Guarded by revokedAt: a revoke that committed meanwhile is respected and a new grant made.
    const { count } = await tx.grant.updateMany({ where: { id: existing.id, revokedAt: null }, data });
    if (count === 1) grant = await tx.grant.findUniqueOrThrow({ where: { id: existing.id } });
  }
  const outcome = grant ? "updated" : "created";
  grant ??= await tx.grant.create({ data: { ...data, patientId, granteeId } });

  await recordAuditEvent(
    {
      action: outcome === "created" ? "grant.created" : "grant.updated",
      outcome: "ALLOWED",
      actorId: actor.id,
      actorRole: actor.role,
      patientId,
      targetType: "grant",
      targetId: grant.id,
      ...context,
      details: {
        granteeId,
        level: grant.level,
        scope: grant.scope,
        categoryCount: grant.categories.length,
        recordCount: grant.recordIds.length,
        origin: grant.origin,
        expiresAt: grant.expiresAt.toISOString(),
      },
    },
    { tx },
  );
  // An approved request is told as "approved" by decideAccessRequest instead.
  if (origin === "DIRECT") await notifyGrantSaved({ tx, grant, outcome });
  return { grant, outcome };
}
