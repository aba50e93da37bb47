// Shared steps of the sharing integration tests: patients, verified clinicians,
// record rows written straight to the database (no blob needed to decide
// access), and the error a call rejects with.
import { randomBytes } from "node:crypto";
import { loadAccessActor, type AccessActor } from "@/lib/authz/decide-access";
import { db } from "@/lib/db";
import type { RecordCategory } from "@/lib/generated/prisma/client";
import { createAdminUser, createClinician, type CreateClinicianOptions } from "@/tests/factories/clinicians";
import { createUser } from "@/tests/factories/users";

export const context = { ipAddress: "198.51.100.60", userAgent: "jest sharing" };
export const DAY_MS = 24 * 60 * 60_000;
export const HOUR_MS = 60 * 60_000;

export async function createPatient() {
  const { user } = await createUser({ role: "PATIENT", password: null });
  return { id: user.id, role: user.role, email: user.email };
}

/** An ACTIVE clinician whose profile an admin verified (the default of createClinician is pending). */
export async function createVerifiedClinician(options: CreateClinicianOptions = {}) {
  const admin = await createAdminUser();
  const user = await createClinician({ withoutPassword: true, status: "ACTIVE", verifiedById: admin.id, ...options });
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}

export async function createPendingClinician() {
  const user = await createClinician({ withoutPassword: true });
  return { id: user.id, role: user.role, email: user.email };
}

export async function accessActor(id: string): Promise<AccessActor> {
  const actor = await loadAccessActor({ id });
  if (!actor) throw new Error(`no user ${id}`);
  return actor;
}

/** A READY record row of `ownerId`; fields are placeholders, access depends on owner, id and category only. */
export async function createRecordRow(options: { ownerId: string; category?: RecordCategory | null }) {
  const unique = randomBytes(8).toString("hex");
  return db.record.create({
    data: {
      ownerId: options.ownerId,
      uploadedById: options.ownerId,
      blobName: `test/${options.ownerId}/${unique}`,
      originalName: `record-${unique}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: BigInt(1024),
      sha256: unique.padEnd(64, "0"),
      category: options.category ?? null,
    },
    select: { id: true, ownerId: true, category: true },
  });
}

/** The error a promise rejects with, as a caller would compare it. */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { name, code, message } = error as { name: string; code: string; message: string };
    return { name, code, message };
  }
  throw new Error("expected a rejection");
}

export const auditFor = (options: { targetId?: string; action?: string; actorId?: string }) =>
  db.auditEvent.findMany({
    where: { ...(options.targetId && { targetId: options.targetId }), ...(options.action && { action: options.action }), ...(options.actorId && { actorId: options.actorId }) },
    orderBy: { id: "asc" },
  });
