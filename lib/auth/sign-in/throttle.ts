// Sign-in throttling. Failures are counted per (account, IP) and per IP. There
// is deliberately no per-account counter on its own: that would let anyone
// lock a victim out from their own address by failing on purpose elsewhere.
import { consumeAttempt, createRateLimiter, retryAfterSeconds } from "@/lib/security/rate-limit";

const WINDOW_SECONDS = 15 * 60;

let limiters: { accountFromIp: ReturnType<typeof createRateLimiter>; ip: ReturnType<typeof createRateLimiter> } | undefined;

function getLimiters() {
  limiters ??= {
    accountFromIp: createRateLimiter({ keyPrefix: "signin-account-ip", points: 5, durationSeconds: WINDOW_SECONDS }),
    ip: createRateLimiter({ keyPrefix: "signin-ip", points: 30, durationSeconds: WINDOW_SECONDS }),
  };
  return limiters;
}

const keys = (email: string, ip: string | null) => ({ accountFromIp: `${email}|${ip ?? "unknown"}`, ip: ip ?? "unknown" });

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function signInRetryAfter(options: { email: string; ip: string | null }): Promise<number> {
  const { accountFromIp, ip } = getLimiters();
  const k = keys(options.email, options.ip);
  const waits = await Promise.all([retryAfterSeconds(accountFromIp, k.accountFromIp), retryAfterSeconds(ip, k.ip)]);
  return Math.max(...waits);
}

export async function recordSignInFailure(options: { email: string; ip: string | null }) {
  const { accountFromIp, ip } = getLimiters();
  const k = keys(options.email, options.ip);
  await Promise.all([consumeAttempt(accountFromIp, k.accountFromIp), consumeAttempt(ip, k.ip)]);
}

export async function clearSignInFailures(options: { email: string; ip: string | null }) {
  await getLimiters().accountFromIp.delete(keys(options.email, options.ip).accountFromIp);
}
