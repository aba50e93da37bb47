// Serializes every change to one (patient, grantee) pair's grants and requests
// for the rest of the transaction: concurrent "share again", approvals and
// emergency openings queue up instead of racing, so exactly one consistent row
// results. The partial unique indexes of the migration back this up.
// Always taken before the audit chain lock (recordAuditEvent), never after.
import type { Tx } from "@/lib/db";

// Namespace of the two-key advisory locks taken here (lib/jobs uses 48_211).
const SHARING_PAIR_LOCK_NAMESPACE = 48_212;

export async function lockSharingPair(tx: Tx, options: { patientId: string; granteeId: string }): Promise<void> {
  const key = `${options.patientId}:${options.granteeId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SHARING_PAIR_LOCK_NAMESPACE}::int, hashtext(${key}::text))`;
}
