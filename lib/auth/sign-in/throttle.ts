// Sign-in throttling, stored in Postgres so it holds across app instances.
// Failures are counted per (account, IP) and per IP. There is deliberately no
// per-account counter on its own: that would let anyone lock a victim out from
// their own address by failing on purpose from elsewhere.
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

const WINDOW_SECONDS = 15 * 60;

let limiters: { accountFromIp: RateLimiterPostgres; ip: RateLimiterPostgres } | undefined;

function getLimiters() {
  if (!limiters) {
    const storeClient = new Pool({ connectionString: env().DATABASE_URL, max: 2 });
    const common = { storeClient, storeType: "pool", tableName: "RateLimit", tableCreated: true, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    limiters = {
      accountFromIp: new RateLimiterPostgres({ ...common, keyPrefix: "signin-account-ip", points: 5 }),
      ip: new RateLimiterPostgres({ ...common, keyPrefix: "signin-ip", points: 30 }),
    };
  }
  return limiters;
}

const keys = (email: string, ip: string | null) => ({ accountFromIp: `${email}|${ip ?? "unknown"}`, ip: ip ?? "unknown" });

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function signInRetryAfter(options: { email: string; ip: string | null }): Promise<number> {
  const { accountFromIp, ip } = getLimiters();
  const k = keys(options.email, options.ip);
  const [a, b] = await Promise.all([accountFromIp.get(k.accountFromIp), ip.get(k.ip)]);
  const blocked = [
    [a, accountFromIp.points],
    [b, ip.points],
  ].filter(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
  if (blocked.length === 0) return 0;
  return Math.max(...blocked.map(([res]) => Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)), 1);
}

export async function recordSignInFailure(options: { email: string; ip: string | null }) {
  const { accountFromIp, ip } = getLimiters();
  const k = keys(options.email, options.ip);
  // consume() rejects once the limit is passed; the rejection is the block itself.
  await Promise.allSettled([accountFromIp.consume(k.accountFromIp), ip.consume(k.ip)]);
}

export async function clearSignInFailures(options: { email: string; ip: string | null }) {
  await getLimiters().accountFromIp.delete(keys(options.email, options.ip).accountFromIp);
}
