import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ReauthenticateLink } from "@/components/account/reauthenticate-link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isRecentlyReauthenticated, reauthenticationMethod } from "@/lib/auth/reauthenticate";

export const metadata: Metadata = { title: "Password" };

const PATH = "/account/security/password";

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { changed } = await searchParams;
  const user = await requireUser({ returnTo: PATH });
  const firstPassword = (await reauthenticationMethod({ userId: user.id })) !== "password";
  const recent = isRecentlyReauthenticated(user);

  return (
    <div className="mx-auto w-full max-w-lg px-4 py-8">
      <PageHeader
        title={firstPassword ? "Set a password" : "Change your password"}
        description={firstPassword ? "Add a password, so you can also sign in without your provider." : "Your other devices will be signed out."}
      />
      <div className="flex flex-col gap-6">
        {changed ? <Alert tone="success">Your password was changed. Your other devices were signed out.</Alert> : null}
        <section aria-labelledby="password-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="password-title" className="text-lg font-semibold">
            New password
          </h2>
          {recent ? (
            <ChangePasswordForm firstPassword={firstPassword} />
          ) : (
            <>
              <p className="text-slate-600">To change your password, first confirm it&apos;s you. You then have 5 minutes.</p>
              <ReauthenticateLink returnTo={PATH}>Confirm it&apos;s you first</ReauthenticateLink>
            </>
          )}
        </section>
        <Link href="/account/security" className="min-h-11 self-start content-center font-medium text-accent-700 underline">
          Back to security
        </Link>
      </div>
    </div>
  );
}
