// The audit trail is append-only in the database (migration
// *_audit_events_append_only), and the hash chain catches what a superuser
// does behind the triggers' back. The test runs as the superuser the runner
// connects with; the tampering steps step around the triggers the only way
// Postgres allows (session_replication_role = replica, superuser only), then
// put the row back so other files running on this database see an intact chain.
import { randomBytes } from "node:crypto";
import { hashAuditEvent } from "@/lib/audit/hash-chain";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db, type Tx } from "@/lib/db";

function behindTheTriggers<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    return run(tx);
  });
}

describe("audit events cannot be changed through the app's connection", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, and leaves the row as it was", async () => {
    const { id } = await recordAuditEvent({ action: "test.append_only", outcome: "DENIED", actorId: "someone" });

    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'ALLOWED' WHERE "id" = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.update({ where: { id }, data: { outcome: "ALLOWED" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);

    expect(await db.auditEvent.findUnique({ where: { id }, select: { outcome: true } })).toEqual({ outcome: "DENIED" });
  });

  it("gives a non-owner app role, set up as the README says, read and append rights only", async () => {
    const role = `medvault_test_app_${randomBytes(5).toString("hex")}`;
    await db.$executeRawUnsafe(`CREATE ROLE "${role}" NOLOGIN`);
    try {
      await db.$executeRawUnsafe(`GRANT USAGE ON SCHEMA public TO "${role}"`);
      await db.$executeRawUnsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`);
      await db.$executeRawUnsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
      await db.$executeRawUnsafe(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM "${role}"`);
      const asApp = <T>(run: (tx: Tx) => Promise<T>) =>
        db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL ROLE "${role}"`);
          return run(tx);
        });

      const appended = await asApp((tx) => recordAuditEvent({ action: "test.app_role", outcome: "ALLOWED" }, { tx }));
      expect(await db.auditEvent.count({ where: { id: appended.id } })).toBe(1);

      await expect(asApp((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = ${appended.id}`)).rejects.toThrow(/permission denied/);
      await expect(asApp((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${appended.id}`)).rejects.toThrow(/permission denied/);
      // Nor can it take the protection away: only the owner may drop a trigger.
      await expect(asApp((tx) => tx.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`))).rejects.toThrow(/must be owner/);
      expect(await db.auditEvent.findUnique({ where: { id: appended.id }, select: { action: true } })).toEqual({ action: "test.app_role" });
    } finally {
      await db.$executeRawUnsafe(`DROP OWNED BY "${role}"`);
      await db.$executeRawUnsafe(`DROP ROLE "${role}"`);
    }
  });
});

describe("verifyAuditChain", () => {
  it("stays linear under concurrent appends, alone and inside longer transactions, and verifies", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? // Holds the chain's lock while the rest of its transaction runs; the others wait and chain after it.
            db.$transaction(async (tx) => {
              await recordAuditEvent({ action: "test.concurrent_tx", outcome: "ALLOWED", targetId: String(i) }, { tx });
              await tx.$executeRaw`SELECT pg_sleep(0.01)`;
            })
          : recordAuditEvent({ action: "test.concurrent", outcome: "ALLOWED", targetId: String(i) }),
      ),
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("hashes in the database exactly as the app verifies: non-ASCII text, nested details, millisecond times", async () => {
    const { id } = await recordAuditEvent({
      action: "test.bytes",
      outcome: "DENIED",
      userAgent: "Mozilla/5.0 (Linux; Android 14) Café ✓ 测试 🩺",
      details: { zeta: "ü", alpha: 3, flag: true, none: null },
    });
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.details).toEqual({ zeta: "ü", alpha: 3, flag: true, none: null });
    const { id: _id, hash, prevHash, ...fields } = row;
    expect(hashAuditEvent(prevHash, { ...fields, details: fields.details ?? null })).toBe(hash);
  });

  it("names a row changed directly in SQL behind the triggers", async () => {
    const { id } = await recordAuditEvent({ action: "test.tamper", outcome: "DENIED", actorId: "someone" });
    await recordAuditEvent({ action: "test.after", outcome: "ALLOWED" });
    expect((await verifyAuditChain()).ok).toBe(true);

    await behindTheTriggers((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'ALLOWED' WHERE "id" = ${id}`);
    try {
      expect(await verifyAuditChain()).toEqual({ ok: false, events: expect.any(Number), brokenAtId: String(id), problem: "hash_mismatch" });
    } finally {
      await behindTheTriggers((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = ${id}`);
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("names the row after a deleted one", async () => {
    const { id } = await recordAuditEvent({ action: "test.deleted", outcome: "ALLOWED", actorId: "someone" });
    const { id: nextId } = await recordAuditEvent({ action: "test.after_deleted", outcome: "ALLOWED" });
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });

    await behindTheTriggers((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`);
    try {
      expect(await db.auditEvent.count({ where: { id } })).toBe(0);
      expect(await verifyAuditChain()).toEqual({ ok: false, events: expect.any(Number), brokenAtId: String(nextId), problem: "link_broken" });
    } finally {
      // Put it back exactly as it was (inserts are allowed), so the chain is intact again.
      await db.auditEvent.create({ data: { ...row, details: row.details ?? undefined } });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
