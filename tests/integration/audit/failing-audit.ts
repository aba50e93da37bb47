// Makes audit inserts fail for one actor only: a trigger installed for the
// duration of a test that raises when a row names that actor. Scoped to one
// unique user id, so test files running at the same time on this per-run
// database keep writing their audit rows.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

export async function withFailingAuditFor<T>(actorId: string, run: () => Promise<T>): Promise<T> {
  if (!/^[a-z0-9]+$/i.test(actorId)) throw new Error("unexpected id");
  const name = `test_audit_fails_${randomBytes(5).toString("hex")}`;
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END; $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER "${name}" BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."actorId" = '${actorId}') EXECUTE FUNCTION "${name}"()`,
  );
  try {
    return await run();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "AuditEvent"`);
    await db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
  }
}
