// The hash of an audit event covers every stored field and the previous event's
// hash, so editing, inserting or deleting a row anywhere breaks verification.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ipAddress: string | null;
  userAgent: string | null;
  details: unknown;
}

/** JSON with sorted keys, so the same content always hashes the same way. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What the database's append_audit_event function hashes for a new row (the same bytes). */
export function hashAuditEvent(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonical(fields)).digest("hex");
}
