// Record access for the records use cases, decided by lib/authz's one decision
// (decideAccess) and its where-builder: the owner, and clinicians through their
// active grants at the level the action needs. Every record use case asks here.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { decideAccess, resolveAccessActor } from "./decide-access";
import type { AccessDecision } from "./decide-from-grants";
import type { RecordAction } from "./grant-rules";
import { recordWhereForActor } from "./record-where";

/** The signed-in user a use case acts for (a CurrentUser fits). */
export interface Actor {
  id: string;
  role: Role;
}

/** Whether `actor` may upload a record owned by `patientId` (owner, or a "contribute" grant). */
export async function canUploadFor(options: { actor: Actor; patientId: string }): Promise<boolean> {
  const actor = await resolveAccessActor(options.actor);
  return (await decideAccess({ actor, patientId: options.patientId, action: "upload" })).allowed;
}

/**
 * The Prisma `where` that limits record queries to what `actor` may see now.
 * Never an empty or undefined filter: no access means a filter matching nothing.
 */
export async function recordWhereFor(options: { actor: Actor; action?: RecordAction; tx?: Tx }): Promise<Prisma.RecordWhereInput> {
  const actor = await resolveAccessActor(options.actor, options.tx);
  return recordWhereForActor({ actor, action: options.action ?? "view", tx: options.tx });
}

/** Owner-only changes (archive, restore, delete) re-check ownership inside their write. */
export function recordOwnerWhereFor(options: { actor: Actor }): Prisma.RecordWhereInput {
  const { actor } = options;
  if (actor.role === "PATIENT" && actor.id) return { ownerId: actor.id };
  return { id: { in: [] } };
}

/**
 * The record if `actor` may do `action` with it (owner-only changes with
 * `ownerOnly`); otherwise AppError("NOT_FOUND"), the same for a record that
 * exists and one that does not. `access` says how access was given, for audit.
 */
export async function findAccessibleRecord(options: { actor: Actor; recordId: string; tx?: Tx; ownerOnly?: boolean; action?: RecordAction }) {
  const { recordId, tx } = options;
  const record = await (tx ?? db).record.findUnique({ where: { id: recordId } });
  if (!record) throw new AppError("NOT_FOUND");
  const actor = await resolveAccessActor(options.actor, tx);
  const access: AccessDecision = await decideAccess({
    actor,
    patientId: record.ownerId,
    action: options.ownerOnly ? "edit" : (options.action ?? "view"),
    record: { id: record.id, ownerId: record.ownerId, category: record.category },
    tx,
  });
  if (!access.allowed) throw new AppError("NOT_FOUND");
  return { ...record, access };
}
