import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft, History } from "lucide-react";
import { AccountActions } from "@/components/admin/account-actions";
import { AccountHistory } from "@/components/admin/account-history";
import { AccountStatusBadge } from "@/components/admin/account-status-badge";
import { CLINICIANS_PATH } from "@/components/admin/clinician-list-href";
import { LocalTime } from "@/components/admin/local-time";
import { roleLabel } from "@/components/admin/role-label";
import { EmptyState } from "@/components/ui/empty-state";
import { getAccountForAdmin, type AccountForAdmin } from "@/lib/admin/clinicians/get-account-for-admin";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { reactivateUserAction, suspendUserAction, verifyClinicianAction } from "../actions";

export const metadata: Metadata = { title: "Account" };

async function loadAccount(adminId: string, userId: string): Promise<AccountForAdmin> {
  try {
    return await getAccountForAdmin({ adminId, userId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export default async function AccountDetailPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: `${CLINICIANS_PATH}/${encodeURIComponent(userId)}` });
  const account = await loadAccount(admin.id, userId);
  const { profile } = account;
  const label = account.name ?? account.email;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Link href={CLINICIANS_PATH} className="mb-4 inline-flex min-h-11 items-center gap-1 font-medium text-accent-700 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> All clinicians
      </Link>
      <header className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{label}</h1>
        <AccountStatusBadge status={account.status} />
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="account-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
            <h2 id="account-heading" className="text-lg font-semibold">
              Account
            </h2>
            <dl className="mt-4 grid gap-4 sm:grid-cols-2">
              <Detail label="Name">{account.name ?? "—"}</Detail>
              <Detail label="Email">
                {account.email} {account.emailVerified ? <span className="text-sm font-normal text-slate-600">(confirmed)</span> : <span className="text-sm font-normal text-slate-600">(not confirmed yet)</span>}
              </Detail>
              <Detail label="Role">{roleLabel(account.role)}</Detail>
              <Detail label="Two-factor authentication">{account.twoFactorEnabled ? "On" : "Off"}</Detail>
              <Detail label="Signed up">
                <LocalTime value={account.createdAt} />
              </Detail>
            </dl>
          </section>

          {profile ? (
            <section aria-labelledby="profile-heading" className="rounded-2xl border border-slate-200 bg-white p-6">
              <h2 id="profile-heading" className="text-lg font-semibold">
                Professional details
              </h2>
              <dl className="mt-4 grid gap-4 sm:grid-cols-2">
                <Detail label="License number">
                  <span className="font-mono">{profile.licenseNumber}</span>
                </Detail>
                <Detail label="Specialty">{profile.specialty}</Detail>
                <Detail label="Organization">{profile.organization}</Detail>
                <Detail label="Verified">
                  {profile.verifiedAt ? (
                    <>
                      <LocalTime value={profile.verifiedAt} />
                      {profile.verifiedBy ? ` by ${profile.verifiedBy.name ?? profile.verifiedBy.email}` : null}
                    </>
                  ) : (
                    "Not yet"
                  )}
                </Detail>
              </dl>
            </section>
          ) : null}

          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              Admin decisions
            </h2>
            {account.history.length > 0 ? (
              <AccountHistory entries={account.history} />
            ) : (
              <EmptyState icon={History} title="No admin decisions yet">
                Verifications, suspensions and reactivations of this account will be listed here with who made them, when and why.
              </EmptyState>
            )}
          </section>
        </div>

        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading" className="mb-3 text-lg font-semibold">
            Actions
          </h2>
          <AccountActions
            userId={account.id}
            status={account.status}
            canVerify={account.status === "PENDING_VERIFICATION" && profile !== null}
            accountLabel={label}
            verify={verifyClinicianAction}
            suspend={suspendUserAction}
            reactivate={reactivateUserAction}
          />
        </section>
      </div>
    </div>
  );
}
