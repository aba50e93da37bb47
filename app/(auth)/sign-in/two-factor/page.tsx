import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoFactorSignInForm } from "@/components/auth/two-factor-sign-in-form";
import { signOutAction } from "@/components/shell/actions";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { currentSession } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/home-path";
import { secondFactorAttemptsLeft } from "@/lib/auth/two-factor/verify-sign-in-code";

export const metadata: Metadata = { title: "Two-factor authentication" };

type SearchParams = Promise<{ callbackUrl?: string }>;

export default async function TwoFactorSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeReturnPath((await searchParams).callbackUrl) ?? undefined;
  const withCallback = (path: string) => (next ? `${path}?callbackUrl=${encodeURIComponent(next)}` : path);
  const session = await currentSession();

  if (!session) {
    // Also what a sign-in ended after too many wrong codes looks like on reload.
    return (
      <>
        <h1 className="text-2xl font-bold">Sign in again</h1>
        <div className="mt-6 flex flex-col gap-4">
          <Alert tone="info">This sign-in has ended. For your security, start again with your email and password.</Alert>
          <ButtonLink href={withCallback("/sign-in")}>Back to sign in</ButtonLink>
        </div>
      </>
    );
  }
  if (session.state !== "second_factor_required") redirect(withCallback("/home"));

  return (
    <>
      <h1 className="text-2xl font-bold">Two-factor authentication</h1>
      <p className="mt-1 text-slate-600">One more step to protect your records.</p>
      <div className="mt-6">
        <TwoFactorSignInForm callbackUrl={next} attemptsLeft={await secondFactorAttemptsLeft({ sessionToken: session.sessionToken })} />
      </div>
      <form action={signOutAction} className="mt-6 border-t border-slate-200 pt-4 text-center text-sm text-slate-600">
        Not you, or no access to your codes?{" "}
        <button type="submit" className="font-medium text-accent-700 underline">
          Sign out
        </button>
      </form>
    </>
  );
}
