import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { ReauthenticateLink } from "@/components/account/reauthenticate-link";
import { Alert } from "@/components/ui/alert";
import { deletionBlockers } from "@/lib/account/delete-account/deletion-blockers";
import { requireUser } from "@/lib/auth/current-user";
import { isRecentlyReauthenticated } from "@/lib/auth/reauthenticate";

export const metadata: Metadata = { title: "Delete my account" };

export default async function DeleteAccountPage() {
  const user = await requireUser({ returnTo: "/account/delete" });
  const blockers = await deletionBlockers({ userId: user.id, role: user.role });
  const confirmed = isRecentlyReauthenticated(user);
  const patient = user.role === "PATIENT";

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Delete my account</h1>
        <p className="mt-1 text-slate-600">Deleting your account is permanent. Read what happens first.</p>
      </header>

      <section aria-labelledby="what-happens" className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="what-happens" className="text-lg font-semibold">
          What happens
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700">
          {patient ? <li>Every file in your vault and all your health data are deleted from our storage and database.</li> : null}
          <li>All sharing ends at once{patient ? ", and each clinician you shared with is told that their access ended" : ""}.</li>
          {patient ? null : (
            <li>Records you added to or changed in patients&apos; vaults stay with those patients; they will show &ldquo;A former clinician&rdquo; instead of your name.</li>
          )}
          <li>You are signed out everywhere, and you can no longer sign in with this account.</li>
          <li>
            Only the audit trail remains, as the law requires: who accessed what and when, without any medical content.{" "}
            <Link href="/privacy" className="font-medium text-accent-700 underline">
              What the audit trail keeps
            </Link>
            .
          </li>
        </ul>
        {patient ? (
          <p className="text-slate-700">
            Want a copy first?{" "}
            <Link href="/patient/export" className="font-medium text-accent-700 underline">
              Download everything
            </Link>{" "}
            before you continue.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="confirm-title" className="flex flex-col gap-4 rounded-2xl border border-red-200 bg-white p-5 shadow-sm">
        <h2 id="confirm-title" className="text-lg font-semibold">
          Confirm
        </h2>
        {blockers.length > 0 ? (
          blockers.map((blocker) => (
            <Alert key={blocker} tone="error">
              {blocker}
            </Alert>
          ))
        ) : confirmed ? (
          <DeleteAccountForm />
        ) : (
          <>
            <p className="text-slate-600">To delete your account, first confirm it&apos;s you. You then have 5 minutes.</p>
            <ReauthenticateLink returnTo="/account/delete">Confirm it&apos;s you first</ReauthenticateLink>
          </>
        )}
      </section>
    </div>
  );
}
