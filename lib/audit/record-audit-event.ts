// Appends one event to the audit chain. Callers writing medical data or security
// settings pass their transaction, so the change and its audit row commit
// together; if the audit row cannot be written, the change fails with it.
import { db, type Tx } from "@/lib/db";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/client";
import { canonical } from "./hash-chain";

export interface AuditEventInput {
  action: string;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorRole?: Role | null;
  patientId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  /** Identifiers and non-medical facts only (e.g. { reason: "wrong_password" }). */
  details?: Record<string, string | number | boolean | null>;
}

// One statement: the database function takes the chain's lock, reads the last
// hash and inserts the row with its hash (migration *_audit_append_function).
async function append(client: Tx | typeof db, input: AuditEventInput): Promise<{ id: bigint }> {
  const fields = {
    // Postgres keeps microseconds, JS milliseconds: store what we hash.
    occurredAt: new Date(),
    actorId: input.actorId ?? null,
    actorRole: input.actorRole ?? null,
    action: input.action,
    patientId: input.patientId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    outcome: input.outcome,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    details: input.details ?? null,
  };
  const [row] = await client.$queryRaw<{ id: bigint }[]>`
    SELECT "append_audit_event"(
      (${fields.occurredAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')::timestamp(3),
      ${fields.actorId}, ${fields.actorRole}::"Role", ${fields.action}, ${fields.patientId},
      ${fields.targetType}, ${fields.targetId}, ${fields.outcome}::"AuditOutcome",
      ${fields.ipAddress}, ${fields.userAgent},
      ${fields.details === null ? null : JSON.stringify(fields.details)}::jsonb,
      ${canonical(fields)}
    ) AS "id"`;
  return { id: row!.id };
}

/** Appends within `tx` when given (the change and its audit row commit together), else on its own. */
export async function recordAuditEvent(input: AuditEventInput, options: { tx?: Tx } = {}): Promise<{ id: bigint }> {
  return append(options.tx ?? db, input);
}
