import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";

describe("audit chain", () => {
  it("stays linear under concurrent appends and verifies", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAuditEvent({ action: "test.concurrent", outcome: "ALLOWED", targetId: String(i) })));
    const status = await verifyAuditChain();
    expect(status.ok).toBe(true);
  });

  it("detects a row changed directly in SQL, and a deleted row", async () => {
    const { id } = await recordAuditEvent({ action: "test.tamper", outcome: "DENIED", actorId: "someone" });
    await recordAuditEvent({ action: "test.after", outcome: "ALLOWED" });
    expect((await verifyAuditChain()).ok).toBe(true);

    await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'ALLOWED' WHERE "id" = ${id}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAtId: String(id), problem: "hash_mismatch" });
    await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = ${id}`;
    expect((await verifyAuditChain()).ok).toBe(true);

    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}`;
    expect(await verifyAuditChain()).toMatchObject({ ok: false, problem: "link_broken" });
  });
});
