"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/home-path";
import { signInRetryAfter } from "@/lib/auth/sign-in/throttle";
import { requestContext } from "@/lib/http/request-context";
import { ZSignInSchema } from "@/lib/validation/auth";

export type SignInResult = { ok: false; message: string; retryAfterSeconds?: number };

const GENERIC_FAILURE = "That email and password do not match an account. Check both and try again.";

export async function signInWithPassword(input: unknown, callbackUrl?: string): Promise<SignInResult> {
  const parsed = ZSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? GENERIC_FAILURE };
  try {
    await signIn("password", { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    if (error.code === "rate_limited") {
      const retryAfterSeconds = await signInRetryAfter({ email: parsed.data.email, ip: (await requestContext()).ipAddress });
      const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
      return { ok: false, retryAfterSeconds, message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
    }
    if (error.code === "email_not_verified") {
      return { ok: false, message: "Please confirm your email address first: open the link we sent you, or ask for a new one below." };
    }
    return { ok: false, message: GENERIC_FAILURE };
  }
  // /home sends the user on to the second factor, enrolment or their area.
  const next = safeReturnPath(callbackUrl);
  redirect(next ? `/home?callbackUrl=${encodeURIComponent(next)}` : "/home");
}

export async function signInWithProvider(provider: "google" | "facebook" | "apple", callbackUrl?: string) {
  const next = safeReturnPath(callbackUrl);
  await signIn(provider, { redirectTo: next ? `/home?callbackUrl=${encodeURIComponent(next)}` : "/home" });
}
