import { BackToSecurityLink } from "@/components/account/back-to-security-link";
import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ReauthenticateFirst } from "@/components/account/reauthenticate-first";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isRecentlyReauthenticated } from "@/lib/auth/reauthenticate";

export const metadata: Metadata = { title: "Email address" };

const PATH = "/account/security/email";

export default async function EmailPage() {
  const user = await requireUser({ returnTo: PATH });
  const recent = isRecentlyReauthenticated(user);

  return (
    <div className="mx-auto w-full max-w-lg px-4 py-8">
      <PageHeader title="Email address" description="The address you sign in with and where MedVault writes to you." />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="email-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="email-title" className="text-lg font-semibold">
            Change your email
          </h2>
          <p className="text-slate-600">
            Now: <span className="font-medium text-slate-900">{user.email}</span>. We send a link to the new address; the change happens when you
            open it. Your current address is told about the request.
          </p>
          {recent ? (
            <ChangeEmailForm />
          ) : (
            <ReauthenticateFirst change="email" returnTo={PATH} />
          )}
        </section>
        <BackToSecurityLink />
      </div>
    </div>
  );
}
