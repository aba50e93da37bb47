import type { Metadata } from "next";
import Link from "next/link";
import { ReauthenticateForm } from "@/components/account/reauthenticate-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/current-user";
import { safeReturnPath } from "@/lib/auth/home-path";
import { reauthenticationMethod } from "@/lib/auth/reauthenticate";

export const metadata: Metadata = { title: "Confirm it's you" };

export default async function ReauthenticatePage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo) ?? "/account/security";
  const user = await requireUser({ returnTo: `/account/reauthenticate?returnTo=${encodeURIComponent(returnTo)}` });
  const method = await reauthenticationMethod({ userId: user.id });

  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold">Confirm it&apos;s you</h1>
        <p className="mt-1 text-slate-600">
          {method === "totp"
            ? "Before you change security settings, enter the code from your authenticator app."
            : "Before you change security settings, enter your password again."}
        </p>
        <div className="mt-6 flex flex-col gap-4">
          {method === null ? (
            <Alert tone="info">
              Your account signs in through another provider, so there is no password to confirm with here.{" "}
              <Link href="/account/security/two-factor" className="font-medium underline">
                Set up two-factor authentication
              </Link>{" "}
              first; then you can confirm with a code from your app.
            </Alert>
          ) : (
            <ReauthenticateForm method={method} returnTo={returnTo} />
          )}
          <Link href={returnTo} className="min-h-11 self-center content-center font-medium text-accent-700 underline">
            Cancel
          </Link>
        </div>
      </div>
    </div>
  );
}
