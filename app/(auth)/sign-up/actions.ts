"use server";

import { redirect } from "next/navigation";
import { ZSignUpServerSchema } from "@/lib/auth/password-policy";
import { signUp } from "@/lib/auth/sign-up/sign-up";
import { requestContext } from "@/lib/http/request-context";

export type SignUpResult = { ok: false; fieldErrors: Record<string, string[]>; message: string };

export async function signUpAction(input: unknown): Promise<SignUpResult> {
  const parsed = ZSignUpServerSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, fieldErrors, message: "Please correct the highlighted fields." };
  }
  await signUp({ input: parsed.data, context: await requestContext() });
  // The same page whether or not the address was new: nothing to learn here.
  redirect(`/check-email?email=${encodeURIComponent(parsed.data.email)}`);
}
