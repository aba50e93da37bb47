import { BackToSecurityLink } from "@/components/account/back-to-security-link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DisableTwoFactorDialog } from "@/components/account/disable-two-factor-dialog";
import { ReauthenticateLink } from "@/components/account/reauthenticate-link";
import { RegenerateRecoveryCodes } from "@/components/account/regenerate-recovery-codes";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { currentSession } from "@/lib/auth/current-user";
import { isRecentlyReauthenticated } from "@/lib/auth/reauthenticate";
import { TWO_FACTOR_MANDATORY_ROLES } from "@/lib/auth/sessions/resolve-session";

export const metadata: Metadata = { title: "Two-factor authentication" };

const PATH = "/account/security/two-factor";

// Uses currentSession() rather than requireUser(): a clinician or admin held at
// mandatory enrolment must reach this page (and only this page).
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await searchParams;
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(PATH)}`);
  if (session.state === "second_factor_required") redirect("/sign-in/two-factor");

  const mandatory = TWO_FACTOR_MANDATORY_ROLES.includes(session.user.role);

  if (!session.user.twoFactorEnabled) {
    return (
      <div className="mx-auto w-full max-w-lg px-4 py-8">
        <PageHeader title="Set up two-factor authentication" description="Sign in with your password and a code from your phone." />
        <div className="flex flex-col gap-6">
          {required || session.state === "enrolment_required" ? (
            <Alert tone="info">Clinicians and administrators must use two-factor authentication before they can see patient data.</Alert>
          ) : null}
          <div className="rounded-2xl border border-slate-200 bg-white p-6">
            {/* Held at enrolment, /home routes on to the user's area once it is done. */}
            <TwoFactorEnrolment doneHref={session.state === "enrolment_required" ? "/home" : "/account/security"} />
          </div>
        </div>
      </div>
    );
  }

  const recent = isRecentlyReauthenticated(session);
  return (
    <div className="mx-auto w-full max-w-lg px-4 py-8">
      <PageHeader title="Two-factor authentication" description="On: signing in needs your password and a code from your app." />
      <div className="flex flex-col gap-6">
        {!recent ? (
          <Alert tone="info">To change these settings, first confirm it&apos;s you. You then have 5 minutes.</Alert>
        ) : null}

        <section aria-labelledby="recovery-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="recovery-title" className="text-lg font-semibold">
            Recovery codes
          </h2>
          <p className="text-slate-600">If you lose your phone, a recovery code signs you in once. Get new ones if you used several or lost them.</p>
          {recent ? <RegenerateRecoveryCodes /> : <ReauthenticateLink returnTo={PATH}>Confirm it&apos;s you to get new codes</ReauthenticateLink>}
        </section>

        <section aria-labelledby="disable-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6">
          <h2 id="disable-title" className="text-lg font-semibold">
            Turn off
          </h2>
          {mandatory ? (
            <p className="text-slate-600">Two-factor authentication is required for clinicians and administrators, so it cannot be turned off.</p>
          ) : recent ? (
            <DisableTwoFactorDialog />
          ) : (
            <ReauthenticateLink returnTo={PATH}>Confirm it&apos;s you to turn it off</ReauthenticateLink>
          )}
        </section>
        <BackToSecurityLink />
      </div>
    </div>
  );
}
