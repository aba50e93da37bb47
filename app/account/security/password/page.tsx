import { BackToSecurityLink } from "@/components/account/back-to-security-link";
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ReauthenticateFirst } from "@/components/account/reauthenticate-first";
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
            <ReauthenticateFirst change="password" returnTo={PATH} />
          )}
        </section>
        <BackToSecurityLink />
      </div>
    </div>
  );
}
