// Walks the whole chain in id order and reports the first event whose hash or
// link does not match. Used by `npm run audit:verify` and the admin dashboard.
import { db } from "@/lib/db";
import { GENESIS_HASH, hashAuditEvent } from "./hash-chain";

export type ChainStatus = { ok: true; events: number } | { ok: false; events: number; brokenAtId: string; problem: "hash_mismatch" | "link_broken" };

const BATCH = 1000;

export async function verifyAuditChain(): Promise<ChainStatus> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let events = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const event of batch) {
      events += 1;
      if (event.prevHash !== prevHash) return { ok: false, events, brokenAtId: String(event.id), problem: "link_broken" };
      const { id: _id, hash, prevHash: _prev, ...fields } = event;
      if (hashAuditEvent(prevHash, { ...fields, details: fields.details ?? null }) !== hash) {
        return { ok: false, events, brokenAtId: String(event.id), problem: "hash_mismatch" };
      }
      prevHash = hash;
    }
    if (batch.length < BATCH) return { ok: true, events };
    cursor = batch[batch.length - 1].id;
  }
}
