// Limits mails a visitor can trigger (verification resend, password reset), so
// the forms cannot be used to flood someone's inbox.
import { consumeAttempt, createRateLimiter } from "@/lib/security/rate-limit";

let limiters: { perAddress: ReturnType<typeof createRateLimiter>; perIp: ReturnType<typeof createRateLimiter> } | undefined;

/** True when one more mail to `email` requested from `ip` is allowed now. */
export async function allowAccountMail(options: { email: string; ip: string | null }): Promise<boolean> {
  limiters ??= {
    perAddress: createRateLimiter({ keyPrefix: "mail-address", points: 3, durationSeconds: 3600 }),
    perIp: createRateLimiter({ keyPrefix: "mail-ip", points: 20, durationSeconds: 3600 }),
  };
  const [address, ip] = await Promise.all([consumeAttempt(limiters.perAddress, options.email), consumeAttempt(limiters.perIp, options.ip ?? "unknown")]);
  return address && ip;
}
