// Rate limiters stored in Postgres (rate-limiter-flexible), so limits hold
// across app instances. One small pool serves every limiter.
import { Pool } from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

let pool: Pool | undefined;

/** The limiters' own small pool (rate-limiter-flexible wants a pg Pool, not Prisma). */
export function rateLimitPool(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: env().DATABASE_URL, max: 2 });
    // An idle connection the database ended (restart, failover) is emitted as
    // 'error' on the pool: unheard, Node would end the whole process. The pool
    // drops that connection and opens a new one on the next query.
    pool.on("error", (error) => logger.warn("db.rate_limit_pool_error", { code: (error as { code?: string }).code ?? "unknown" }));
  }
  return pool;
}

export function createRateLimiter(options: { keyPrefix: string; points: number; durationSeconds: number; blockSeconds?: number }) {
  return new RateLimiterPostgres({
    storeClient: rateLimitPool(),
    storeType: "pool",
    tableName: "RateLimit",
    // The table comes from our migrations: the app never needs DDL rights.
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockSeconds ?? options.durationSeconds,
  });
}

type Limiter = ReturnType<typeof createRateLimiter>;

/** Seconds until `key` may try again under `limiter`, 0 when it may now. */
export async function retryAfterSeconds(limiter: Limiter, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Counts one attempt; true when it was within the limit. */
export async function consumeAttempt(limiter: Limiter, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection; // a database error, not a refusal
    return false;
  }
}
