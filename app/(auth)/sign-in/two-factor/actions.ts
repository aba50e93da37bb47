"use server";

import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/home-path";
import { retryMessage } from "@/lib/auth/two-factor/throttle";
import { ZSecondFactorSchema } from "@/lib/auth/two-factor/schemas";
import { verifySignInCode } from "@/lib/auth/two-factor/verify-sign-in-code";
import { requestContext } from "@/lib/http/request-context";

/** Only failures come back: success redirects. */
export type SecondFactorResult = { ok: false; message: string; attemptsLeft?: number; sessionEnded?: boolean };

const ENDED = "For your security this sign-in has ended after too many wrong codes. Sign in again with your password.";

export async function verifySecondFactor(input: unknown, callbackUrl?: string): Promise<SecondFactorResult> {
  const parsed = ZSecondFactorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter your code." };
  const session = await currentSession();
  if (!session) return { ok: false, sessionEnded: true, message: ENDED };

  if (session.state === "second_factor_required") {
    const result = await verifySignInCode({ session, factor: parsed.data, context: await requestContext() });
    if (!result.ok) {
      if (result.reason === "session_ended") return { ok: false, sessionEnded: true, message: ENDED };
      if (result.reason === "rate_limited") return { ok: false, message: retryMessage(result.retryAfterSeconds) };
      const message =
        parsed.data.method === "totp"
          ? "That code did not work. Wait for the next code in your app and try again."
          : "That recovery code did not work. Check it, or try another of your codes.";
      return { ok: false, attemptsLeft: result.attemptsLeft, message };
    }
  }
  // Done (or done already in another tab): /home routes on to the page asked for.
  const next = safeReturnPath(callbackUrl);
  redirect(next ? `/home?callbackUrl=${encodeURIComponent(next)}` : "/home");
}
