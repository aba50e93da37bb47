// The audit chain's health for the admin dashboard. A verification walks the
// whole chain, so it runs when an admin asks ("Verify now") or from
// `npm run audit:verify`, not on every page view; each run from the dashboard
// is recorded as an audit event, and the page shows the last one.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type ChainStatus } from "@/lib/audit/verify-audit-chain";
import { requireActiveAdmin } from "@/lib/admin/require-admin";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";

export const CHAIN_VERIFIED_ACTION = "audit.chain_verified";

export interface ChainOverview {
  events: number;
  lastVerification: { at: Date; ok: boolean; events: number; brokenAtId: string | null; problem: string | null; byId: string | null } | null;
}

export async function getChainOverview(options: { adminId: string }): Promise<ChainOverview> {
  await requireActiveAdmin({ adminId: options.adminId });
  const [events, last] = await Promise.all([
    db.auditEvent.count(),
    db.auditEvent.findFirst({ where: { action: CHAIN_VERIFIED_ACTION }, orderBy: { id: "desc" }, select: { occurredAt: true, outcome: true, details: true, actorId: true } }),
  ]);
  if (!last) return { events, lastVerification: null };
  const details = (last.details ?? {}) as Record<string, unknown>;
  return {
    events,
    lastVerification: {
      at: last.occurredAt,
      ok: details.ok === true,
      events: typeof details.events === "number" ? details.events : 0,
      brokenAtId: typeof details.brokenAtId === "string" ? details.brokenAtId : null,
      problem: typeof details.problem === "string" ? details.problem : null,
      byId: last.actorId,
    },
  };
}

export async function verifyChainNow(options: { adminId: string; context: RequestContext }): Promise<ChainStatus> {
  const admin = await requireActiveAdmin({ adminId: options.adminId });
  const status = await verifyAuditChain();
  await recordAuditEvent({
    action: CHAIN_VERIFIED_ACTION,
    outcome: "ALLOWED",
    actorId: admin.id,
    actorRole: "ADMIN",
    targetType: "audit_trail",
    ...options.context,
    details: status.ok ? { ok: true, events: status.events } : { ok: false, events: status.events, brokenAtId: status.brokenAtId, problem: status.problem },
  });
  return status;
}
