import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { currentSession } from "@/lib/auth/current-user";
import { configuredOAuthProviders } from "@/lib/auth/providers";
import { signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends OAuth failures here as ?error=…; only known codes get a specific text.
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "That email already has a MedVault account. Sign in with your password, then link this provider from your security settings.",
  AccessDenied: "Sign-in was refused. If your account is suspended, contact your MedVault administrator.",
};

type SearchParams = Promise<{ callbackUrl?: string; error?: string; reset?: string; expired?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { callbackUrl, error, reset, expired } = await searchParams;
  if ((await currentSession())?.state === "active") redirect("/home");
  const providers = configuredOAuthProviders();
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in to MedVault</h1>
      <p className="mt-1 text-slate-600">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-accent-700 underline">
          Create an account
        </Link>
      </p>
      <div className="mt-6 flex flex-col gap-4">
        {expired ? <Alert tone="info">You were signed out after a period without activity. Sign in again to continue.</Alert> : null}
        {reset ? <Alert tone="success">Your password was changed. Sign in with the new one.</Alert> : null}
        {error ? <Alert tone="error">{OAUTH_ERRORS[error] ?? "Sign-in did not work. Please try again."}</Alert> : null}
        <SignInForm callbackUrl={callbackUrl} />
        {providers.length > 0 ? (
          <>
            <p className="text-center text-sm text-slate-600">or</p>
            {providers.map((provider) => (
              <form key={provider.id} action={signInWithProvider.bind(null, provider.id, callbackUrl)}>
                <Button type="submit" variant="secondary" className="w-full">
                  Continue with {provider.name}
                </Button>
              </form>
            ))}
          </>
        ) : null}
      </div>
    </>
  );
}
