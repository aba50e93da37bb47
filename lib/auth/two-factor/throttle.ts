// Throttling of second-factor and re-authentication failures per user, stored
// in Postgres like the sign-in limiter (lib/auth/sign-in/throttle.ts).
//
// Keyed by user, not by IP: reaching either step already needs the password
// (or a signed-in session), and an attacker who has that can change IP at
// will. The per-session limit of five second-factor attempts ends one sign-in;
// this limit bounds the sum over many sign-ins (20 guesses of a 6-digit code per
// 15 min). The cost, a user locked out of these steps for 15 minutes, can only
// be caused by someone who already holds the password.
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { rateLimitPool } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

export type TThrottleKind = "second_factor" | "reauthentication";

let limiters: Record<TThrottleKind, RateLimiterPostgres> | undefined;

function getLimiters() {
  if (!limiters) {
    const storeClient = rateLimitPool();
    const common = { storeClient, storeType: "pool", tableName: "RateLimit", tableCreated: true, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    limiters = {
      second_factor: new RateLimiterPostgres({ ...common, keyPrefix: "2fa-user", points: 20 }),
      reauthentication: new RateLimiterPostgres({ ...common, keyPrefix: "reauth-user", points: 10 }),
    };
  }
  return limiters;
}

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function twoFactorRetryAfter(options: { kind: TThrottleKind; userId: string }): Promise<number> {
  const limiter = getLimiters()[options.kind];
  const res = await limiter.get(options.userId);
  if (!res || res.consumedPoints < limiter.points) return 0;
  return Math.max(Math.ceil(res.msBeforeNext / 1000), 1);
}

export async function recordTwoFactorFailure(options: { kind: TThrottleKind; userId: string }) {
  // consume() rejects once the limit is passed; the rejection is the block itself.
  await getLimiters()[options.kind].consume(options.userId).catch(() => undefined);
}

export async function clearTwoFactorFailures(options: { kind: TThrottleKind; userId: string }) {
  await getLimiters()[options.kind].delete(options.userId);
}

/** "Too many attempts. Try again in 12 minutes." */
export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
