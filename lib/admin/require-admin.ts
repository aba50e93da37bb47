// Defence in depth: pages and actions already require an ADMIN session, and the
// admin use cases check again here, against the database, so a stale session,
// a demoted or suspended admin, or a future caller that forgets the gate is
// still refused.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function requireActiveAdmin(options: { adminId: string; tx?: Tx }): Promise<{ id: string }> {
  const client = options.tx ?? db;
  const actor = await client.user.findUnique({ where: { id: options.adminId }, select: { id: true, role: true, status: true } });
  if (!actor || actor.role !== "ADMIN" || actor.status !== "ACTIVE") throw new AppError("FORBIDDEN");
  return { id: actor.id };
}
