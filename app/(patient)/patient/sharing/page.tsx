import type { Metadata } from "next";
import { Inbox, Share2 } from "lucide-react";
import { AccessRequestList } from "@/components/sharing/access-request-list";
import { GrantList } from "@/components/sharing/grant-list";
import { InviteList } from "@/components/sharing/invite-list";
import { PatientCode } from "@/components/sharing/patient-code";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { listRecords } from "@/lib/records/list-records";
import { listAccessRequests } from "@/lib/sharing/list-access-requests";
import { listClinicianInvitations } from "@/lib/sharing/list-clinician-invitations";
import { listGrants } from "@/lib/sharing/list-grants";
import { ensurePatientCode } from "@/lib/sharing/patient-code";

export const metadata: Metadata = { title: "Sharing" };

export default async function SharingPage() {
  const user = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/sharing" });
  const [code, grants, requests, records, invitations] = await Promise.all([
    ensurePatientCode({ patientId: user.id }),
    listGrants({ actor: user }),
    listAccessRequests({ actor: user, limit: 50 }),
    listRecords({ actor: user, input: { limit: 100 } }),
    listClinicianInvitations({ actor: user }),
  ]);
  const pending = requests.filter((request) => request.status === "PENDING");
  const answered = requests.filter((request) => request.status !== "PENDING").slice(0, 10);
  const current = grants.filter((grant) => grant.state === "active");
  const past = grants.filter((grant) => grant.state !== "active");

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-6 sm:py-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Sharing</h1>
        <p className="text-slate-600">Choose who sees your records, what they may do with them and for how long.</p>
      </header>

      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <ShareDialog maxDays={env().GRANT_MAX_DAYS} records={records.records.map((record) => ({ id: record.id, name: record.originalName, category: record.category }))} />
        <PatientCode code={code} />
      </div>

      <section aria-labelledby="requests-title" className="flex flex-col gap-3">
        <h2 id="requests-title" className="text-xl font-semibold">
          Requests for access {pending.length > 0 ? <span className="text-base font-normal text-slate-600">({pending.length} waiting)</span> : null}
        </h2>
        {pending.length === 0 ? (
          <p className="flex items-start gap-2 text-slate-600">
            {/* shrink-0: on a phone the sentence wraps, and a flex item would squeeze the icon. */}
            <Inbox aria-hidden className="mt-0.5 size-5 shrink-0" /> No requests are waiting. When a clinician asks for access, you approve or deny it here.
          </p>
        ) : (
          <AccessRequestList requests={pending} label="Waiting requests" />
        )}
      </section>

      <section aria-labelledby="current-title" className="flex flex-col gap-3">
        <h2 id="current-title" className="text-xl font-semibold">
          Who can see your records now
        </h2>
        {current.length === 0 ? (
          <EmptyState icon={Share2} title="You are not sharing with anyone">
            Use “Share records” to let a clinician see some or all of your records for a time you choose.
          </EmptyState>
        ) : (
          <GrantList grants={current} label="Current shares" />
        )}
      </section>

      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="flex flex-col gap-3">
          <h2 id="invitations-title" className="text-xl font-semibold">
            Invited by email
          </h2>
          <p className="text-slate-600">Each share starts by itself once the clinician has a verified MedVault account with that address.</p>
          <InviteList
            invitations={invitations.map((invitation) => ({
              ...invitation,
              expiresAt: invitation.expiresAt.toISOString(),
              inviteExpiresAt: invitation.inviteExpiresAt.toISOString(),
            }))}
          />
        </section>
      ) : null}

      {past.length > 0 || answered.length > 0 ? (
        <section aria-labelledby="past-title" className="flex flex-col gap-3">
          <h2 id="past-title" className="text-xl font-semibold">
            Ended shares and answered requests
          </h2>
          {past.length > 0 ? <GrantList grants={past} label="Ended shares" /> : null}
          {answered.length > 0 ? <AccessRequestList requests={answered} label="Answered requests" /> : null}
        </section>
      ) : null}
    </div>
  );
}
