// Keeps exactly one pending job of a periodic type (a sweep, a purge). Workers
// call this on a timer; whoever calls it, and however many at once, at most one
// job of the type waits or runs at any time. The next run is due `everyMs` after
// the last completed one.
import { db } from "@/lib/db";
import { enqueueJob } from "./enqueue";
import { appJobRegistry, type JobRegistry } from "./registry";

// Namespace of the two-key advisory locks taken here (the audit chain uses the one-key form).
const PERIODIC_LOCK_NAMESPACE = 48_211;

export async function schedulePeriodic(options: { type: string; everyMs: number; payload?: unknown; registry?: JobRegistry }): Promise<{ enqueued: boolean; id?: string }> {
  const registry = options.registry ?? appJobRegistry();
  // Short and self-contained (no other connection is awaited inside): PGlite
  // runs one transaction at a time for every connection.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIODIC_LOCK_NAMESPACE}::int, hashtext(${options.type}::text))`;
    const pending = await tx.job.findFirst({ where: { type: options.type, completedAt: null, failedAt: null }, select: { id: true } });
    if (pending) return { enqueued: false };
    const last = await tx.job.findFirst({
      where: { type: options.type, completedAt: { not: null } },
      orderBy: { completedAt: "desc" },
      select: { completedAt: true },
    });
    const due = last?.completedAt ? last.completedAt.getTime() + options.everyMs : 0;
    const runAt = due > Date.now() ? new Date(due) : undefined;
    const { id } = await enqueueJob({ type: options.type, payload: options.payload ?? {}, runAt, tx, registry });
    return { enqueued: true, id };
  });
}
