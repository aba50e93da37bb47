import type { Metadata } from "next";
import Link from "next/link";
import { Bell, KeyRound, ShieldAlert, ShieldCheck, Trash2 } from "lucide-react";
import { LocalDate } from "@/components/account/local-date";
import { LinkedProvidersSlot } from "@/components/account/linked-providers-slot";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { twoFactorOverview } from "@/lib/auth/two-factor/two-factor-overview";

export const metadata: Metadata = { title: "Security" };

const LOW_RECOVERY_CODES = 3;

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ two_factor?: string }> }) {
  const user = await requireUser({ returnTo: "/account/security" });
  const { two_factor: changed } = await searchParams;
  const overview = await twoFactorOverview({ userId: user.id });

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-8">
      <PageHeader title="Security" description="How your account is protected." />
      <div className="flex flex-col gap-6">
        {changed === "off" && !overview.enabled ? <Alert tone="success">Two-factor authentication is off. You were signed out on your other devices.</Alert> : null}

        <section aria-labelledby="sign-in-details-title" className="rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="sign-in-details-title" className="text-lg font-semibold">
            Sign-in details
          </h2>
          <div className="mt-4 flex flex-col gap-4 sm:flex-row">
            <div className="flex-1">
              <h3 className="font-medium">Password</h3>
              <ButtonLink href="/account/security/password" variant="secondary" className="mt-2 w-full sm:w-auto">
                Change password
              </ButtonLink>
            </div>
            <div className="flex-1">
              <h3 className="font-medium">Email</h3>
              <p className="mt-1 break-all text-slate-600">{user.email}</p>
              <ButtonLink href="/account/security/email" variant="secondary" className="mt-2 w-full sm:w-auto">
                Change email
              </ButtonLink>
            </div>
          </div>
        </section>

        <section aria-labelledby="two-factor-title" className="rounded-2xl border border-slate-200 bg-white p-6">
          <div className="flex items-start gap-3">
            {overview.enabled ? (
              <ShieldCheck aria-hidden className="mt-0.5 size-6 shrink-0 text-green-700" />
            ) : (
              <ShieldAlert aria-hidden className="mt-0.5 size-6 shrink-0 text-amber-700" />
            )}
            <div className="flex-1">
              <h2 id="two-factor-title" className="text-lg font-semibold">
                Two-factor authentication
              </h2>
              <p className="mt-1 font-medium">
                {overview.enabled ? (
                  <span className="text-green-800">On</span>
                ) : (
                  <span className="text-amber-800">Off</span>
                )}
                {overview.enabled && overview.enabledAt ? (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · since <LocalDate iso={overview.enabledAt.toISOString()} />
                  </span>
                ) : null}
              </p>
              <p className="mt-1 text-slate-600">
                {overview.enabled
                  ? "Signing in needs your password and a code from your authenticator app."
                  : "Add a code from your phone to your password, so a stolen password alone cannot open your records."}
              </p>
            </div>
          </div>
          {overview.enabled ? (
            <div className="mt-4 flex items-start gap-3 border-t border-slate-200 pt-4">
              <KeyRound aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-600" />
              <p className={overview.recoveryCodesLeft <= LOW_RECOVERY_CODES ? "font-medium text-amber-800" : "text-slate-700"}>
                {overview.recoveryCodesLeft} of 10 recovery codes left.
                {overview.recoveryCodesLeft <= LOW_RECOVERY_CODES ? " Get new ones soon, so you cannot be locked out." : null}
              </p>
            </div>
          ) : null}
          <div className="mt-4">
            <ButtonLink href="/account/security/two-factor" variant={overview.enabled ? "secondary" : "primary"} className="w-full sm:w-auto">
              {overview.enabled ? "Manage two-factor authentication" : "Set up two-factor authentication"}
            </ButtonLink>
          </div>
        </section>

        <LinkedProvidersSlot userId={user.id} />

        <section aria-labelledby="notifications-title" className="rounded-2xl border border-slate-200 bg-white p-6">
          <div className="flex items-start gap-3">
            <Bell aria-hidden className="mt-0.5 size-6 shrink-0 text-slate-600" />
            <div className="flex-1">
              <h2 id="notifications-title" className="text-lg font-semibold">
                Notifications
              </h2>
              <p className="mt-1 text-slate-600">Choose which events reach you in MedVault and which by email.</p>
            </div>
          </div>
          <div className="mt-4">
            <ButtonLink href="/account/notifications" variant="secondary" className="w-full sm:w-auto">
              Notification preferences
            </ButtonLink>
          </div>
        </section>

        <section aria-labelledby="delete-account-title" className="rounded-2xl border border-red-200 bg-red-50 p-6">
          <div className="flex items-start gap-3">
            <Trash2 aria-hidden className="mt-0.5 size-6 shrink-0 text-red-700" />
            <div className="flex-1">
              <h2 id="delete-account-title" className="text-lg font-semibold text-red-900">
                Delete my account
              </h2>
              <p className="mt-1 text-slate-800">
                Closes your account for good: you are signed out everywhere, all sharing ends
                {user.role === "PATIENT" ? ", and your files and health data are deleted" : ""}. This cannot be undone. The next page explains
                what happens and asks you to confirm.
              </p>
            </div>
          </div>
          <div className="mt-4">
            <Link
              href="/account/delete"
              className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-white px-5 py-2.5 text-base font-semibold text-red-800 ring-1 ring-inset ring-red-300 transition-colors hover:bg-red-100 sm:w-auto"
            >
              Delete my account…
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
