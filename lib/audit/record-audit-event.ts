// Appends one event to the audit chain. Callers writing medical data or security
// settings pass their transaction, so the change and its audit row commit
// together; if the audit row cannot be written, the change fails with it.
import { db, type Tx } from "@/lib/db";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashAuditEvent } from "./hash-chain";

// Any constant shared by all writers: serializes appends so the chain stays linear.
const AUDIT_CHAIN_LOCK = 7_238_401;

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

async function append(tx: Tx, input: AuditEventInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
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
  const hash = hashAuditEvent(prevHash, fields);
  return tx.auditEvent.create({
    data: { ...fields, details: fields.details ?? undefined, prevHash, hash },
    select: { id: true },
  });
}

export async function recordAuditEvent(input: AuditEventInput, options: { tx?: Tx } = {}) {
  if (options.tx) return append(options.tx, input);
  return db.$transaction((tx) => append(tx, input));
}
