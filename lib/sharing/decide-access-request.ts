// The patient answers an access request. Approving may narrow what was asked
// (a subset of the scope, a level the asked one includes, fewer days), never
// widen it; the grant (origin REQUEST) is written in the same transaction as
// the answer, so there is never an approved request without its grant.
import { loadAccessActor } from "@/lib/authz/decide-access";
import { levelIncludes } from "@/lib/authz/grant-rules";
import { hasPermission } from "@/lib/authz/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AccessRequest } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { DAY_MS, ZAccessRequestIdSchema, ZDecideAccessRequestSchema, ZGrantScopeSchema, type TDecideAccessRequestInput, type TGrantScope } from "@/lib/validation/sharing";
import { notifyAccessDecided } from "@/lib/notifications/events/sharing-events";
import { toGrantSummary, type GrantSummary } from "./grant-summary";
import { lockSharingPair } from "./lock-pair";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";
import { upsertGrant } from "./upsert-grant";

export type DecideAccessRequestResult = { outcome: "approved"; grant: GrantSummary } | { outcome: "denied" };

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { fieldErrors: { [field]: [message] } });
const ALREADY_ANSWERED = () => new AppError("CONFLICT", "This request was already answered.");

/** The approved scope, checked to be inside the requested one. */
async function narrowedScope(tx: Tx, request: AccessRequest, approved: TGrantScope): Promise<TGrantScope> {
  if (request.scope === "ALL") return approved;
  if (approved.scope === "ALL") throw invalid("scope", "You can share only the categories that were asked for, or fewer.");
  if (approved.scope === "CATEGORIES") {
    if (!approved.categories.every((category) => request.categories.includes(category))) {
      throw invalid("categories", "You can share only the categories that were asked for, or fewer.");
    }
    return approved;
  }
  const inRequested = await tx.record.count({
    where: { id: { in: approved.recordIds }, ownerId: request.patientId, category: { in: request.categories } },
  });
  if (inRequested !== approved.recordIds.length) throw invalid("recordIds", "You can share only records in the categories that were asked for.");
  return approved;
}

export async function decideAccessRequest(options: {
  actor: SharingActor;
  requestId: string;
  input: TDecideAccessRequestInput;
  context: RequestContext;
  now?: Date;
}): Promise<DecideAccessRequestResult> {
  const now = options.now ?? new Date();
  const patient = await requireSharingActor({ actor: options.actor, permission: "access_requests:decide" });
  const requestId = parseInput(ZAccessRequestIdSchema, options.requestId);
  const input = parseInput(ZDecideAccessRequestSchema, options.input);
  const approvedScope =
    input.decision === "approve" && input.scope ? parseInput(ZGrantScopeSchema, { scope: input.scope, categories: input.categories, recordIds: input.recordIds }) : null;

  return db.$transaction(async (tx) => {
    // Someone else's request and a missing one look the same.
    const found = await tx.accessRequest.findFirst({ where: { id: requestId, patientId: patient.id }, select: { clinicianId: true } });
    if (!found) throw new AppError("NOT_FOUND");
    // The pair lock before any row lock, in the same order as requestAccess and upsertGrant.
    await lockSharingPair(tx, { patientId: patient.id, granteeId: found.clinicianId });
    const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    if (request.status !== "PENDING") throw ALREADY_ANSWERED();
    const audit = { actorId: patient.id, actorRole: patient.role, patientId: patient.id, targetType: "access_request", targetId: request.id, ...options.context };

    if (input.decision === "deny") {
      await tx.accessRequest.update({ where: { id: request.id }, data: { status: "DENIED", decidedAt: now } });
      await recordAuditEvent({ ...audit, action: "access_request.denied", outcome: "ALLOWED", details: { clinicianId: request.clinicianId } }, { tx });
      await notifyAccessDecided({ tx, patientId: patient.id, clinicianId: request.clinicianId, decision: "denied" });
      return { outcome: "denied" as const };
    }

    const level = input.level ?? request.level;
    if (!levelIncludes(request.level, level)) throw invalid("level", "You can allow what was asked for, or less.");
    const durationDays = input.durationDays ?? request.durationDays;
    if (durationDays > request.durationDays) throw invalid("durationDays", `You can share for at most the ${request.durationDays} days asked for.`);
    const scope = await narrowedScope(tx, request, approvedScope ?? { scope: request.scope, categories: request.categories, recordIds: [] } as TGrantScope);

    const clinician = await loadAccessActor({ id: request.clinicianId, tx });
    if (!clinician || !hasPermission(clinician, "grants:use")) throw new AppError("CONFLICT", "This clinician cannot receive access at the moment.");

    const { grant } = await upsertGrant({
      tx,
      patientId: patient.id,
      granteeId: request.clinicianId,
      terms: { ...scope, level, expiresAt: new Date(now.getTime() + durationDays * DAY_MS) },
      origin: "REQUEST",
      reason: request.reason,
      actor: patient,
      context: options.context,
    });
    await tx.accessRequest.update({ where: { id: request.id }, data: { status: "APPROVED", decidedAt: now, grantId: grant.id } });
    const narrowed = level !== request.level || durationDays !== request.durationDays || scope.scope !== request.scope || scope.categories.length !== request.categories.length;
    await recordAuditEvent({ ...audit, action: "access_request.approved", outcome: "ALLOWED", details: { clinicianId: request.clinicianId, grantId: grant.id, narrowed } }, { tx });
    await notifyAccessDecided({ tx, patientId: patient.id, clinicianId: request.clinicianId, decision: "approved", grant });
    return { outcome: "approved" as const, grant: toGrantSummary(grant, now) };
  });
}
