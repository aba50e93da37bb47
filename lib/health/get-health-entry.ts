// One entry, for its edit or proposal form: removed, missing and not allowed
// all give NOT_FOUND. `canChange`/`canPropose` say which form to offer.
import { decideHealthAccess } from "@/lib/authz/health-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requireHealthAccess, type Actor } from "./health-access";
import { toHealthEntryView, type HealthEntryView } from "./health-entry-view";
import { recordHealthView } from "./record-health-view";

export async function getHealthEntry(options: {
  actor: Actor;
  entryId: string;
  /** The patient the page is about: an entry of another patient is NOT_FOUND. */
  patientId?: string;
  context?: RequestContext;
}): Promise<{ entry: HealthEntryView; canChange: boolean; canPropose: boolean }> {
  const entryId = typeof options.entryId === "string" ? options.entryId.trim() : "";
  if (!entryId || entryId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.healthEntry.findUnique({ where: { id: entryId } });
  if (!row || row.deletedAt || (options.patientId !== undefined && row.patientId !== options.patientId)) throw new AppError("NOT_FOUND");
  const { actor, access } = await requireHealthAccess({ actor: options.actor, patientId: row.patientId, action: "health:view" });
  await recordHealthView({ actor, access, patientId: row.patientId, view: "entry", entryId: row.id, context: options.context });
  const propose = access.via === "owner" ? { allowed: false } : await decideHealthAccess({ actor, patientId: row.patientId, action: "health:propose" });
  return { entry: toHealthEntryView(row), canChange: access.via === "owner", canPropose: propose.allowed };
}
