// Who may do what with records. Deliberately minimal for now: only the owning
// patient reaches their records. THIS is the module the sharing issue extends
// (grants with view/download/contribute levels for clinicians); every record
// use case asks here and nowhere else, so that change stays in one place.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

/** The signed-in user a use case acts for (a CurrentUser fits). */
export interface Actor {
  id: string;
  role: Role;
}

/**
 * Whether `actor` may upload a record owned by `patientId`.
 * Now: the patient themself. Sharing issue: also clinicians holding an active
 * "contribute" grant from that patient.
 */
export async function canUploadFor(options: { actor: Actor; patientId: string }): Promise<boolean> {
  const { actor, patientId } = options;
  return actor.role === "PATIENT" && actor.id === patientId;
}

/**
 * The Prisma `where` that limits record queries to what `actor` may see. Never
 * returns an empty or `undefined` filter: anyone without access gets a filter
 * that matches nothing. Sharing issue: OR in the records of active grants.
 */
export function recordWhereFor(options: { actor: Actor }): Prisma.RecordWhereInput {
  const { actor } = options;
  if (actor.role === "PATIENT" && actor.id) return { ownerId: actor.id };
  return { id: { in: [] } };
}

/** Whether `actor` may change or delete the record (archive, restore, delete): its owner only. */
export function recordOwnerWhereFor(options: { actor: Actor }): Prisma.RecordWhereInput {
  const { actor } = options;
  if (actor.role === "PATIENT" && actor.id) return { ownerId: actor.id };
  return { id: { in: [] } };
}

/**
 * The record if `actor` may see it; otherwise AppError("NOT_FOUND"), the same
 * for a record that exists and one that does not.
 */
export async function findAccessibleRecord(options: { actor: Actor; recordId: string; tx?: Tx; ownerOnly?: boolean }) {
  const { actor, recordId, tx = db } = options;
  const scope = options.ownerOnly ? recordOwnerWhereFor({ actor }) : recordWhereFor({ actor });
  const record = await tx.record.findFirst({ where: { AND: [{ id: recordId }, scope] } });
  if (!record) throw new AppError("NOT_FOUND");
  return record;
}
