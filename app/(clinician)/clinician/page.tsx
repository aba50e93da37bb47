import type { Metadata } from "next";
import { Users } from "lucide-react";
import { EmergencyAccessForm } from "@/components/clinician/emergency-access-form";
import { ReceivedGrantsList } from "@/components/clinician/received-grants-list";
import { RequestAccessForm } from "@/components/clinician/request-access-form";
import { SentRequestsList } from "@/components/clinician/sent-requests-list";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES, hasPermission } from "@/lib/authz/permissions";
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { env } from "@/lib/env";
import { listReceivedGrants } from "@/lib/sharing/list-received-grants";
import { listSentAccessRequests } from "@/lib/sharing/list-sent-access-requests";
import { openEmergencyAccessAction, requestAccessAction } from "./actions";

export const metadata: Metadata = { title: "Clinician" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClinicianHomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: "/clinician" });
  const notice = (await searchParams).notice;
  const actor = await resolveAccessActor(user);
  const verified = hasPermission(actor, "grants:use");

  if (!verified) {
    return (
      <div className="mx-auto max-w-5xl px-4 py-8">
        <PageHeader title="Patients" description="Patients who have shared records with you, and for how long." />
        <Alert tone="info">
          {user.status === "SUSPENDED"
            ? "Your account is suspended. You cannot request access to or see any patient data."
            : "An administrator is checking your licence details. Until your account is verified you cannot request access to or see any patient data, and patients cannot find you to share with you. We will email you when it is done."}
        </Alert>
      </div>
    );
  }

  const [grants, requests] = await Promise.all([listReceivedGrants({ actor: user }), listSentAccessRequests({ actor: user, limit: 20 })]);
  const maxDays = env().GRANT_MAX_DAYS;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8">
      <PageHeader title="Patients" description="Patients who have shared records with you, and for how long." />
      {notice === "emergency_ended" ? <Alert tone="success">Emergency access ended.</Alert> : null}

      <section aria-labelledby="shared-title" className="flex flex-col gap-3">
        <h2 id="shared-title" className="text-xl font-semibold">
          Patients who shared with you
        </h2>
        {grants.length === 0 ? (
          <EmptyState icon={Users} title="No patient has shared with you yet">
            When a patient shares records with you, they appear here. You can also request access below with the patient&apos;s email address or patient code.
          </EmptyState>
        ) : (
          <ReceivedGrantsList grants={grants} />
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="request-title" className="flex flex-col gap-3">
          <h2 id="request-title" className="text-xl font-semibold">
            Request access
          </h2>
          <RequestAccessForm maxDays={maxDays} submit={requestAccessAction} />
          <h3 className="mt-4 text-lg font-semibold">Answered requests</h3>
          <p className="text-sm text-slate-600">
            A request shows here once the patient answers it. Until then MedVault does not say whether anyone has an account with that email address or code.
          </p>
          {requests.length === 0 ? <p className="text-slate-600">No patient has answered a request of yours yet.</p> : <SentRequestsList requests={requests} />}
        </section>

        <section aria-labelledby="emergency-title" className="flex flex-col gap-3">
          <h2 id="emergency-title" className="text-xl font-semibold">
            Emergency access
          </h2>
          <details className="rounded-xl border border-amber-300 bg-white p-4">
            <summary className="min-h-11 cursor-pointer content-center font-semibold text-amber-900">Open emergency access to a patient…</summary>
            <div className="mt-3">
              <EmergencyAccessForm open={openEmergencyAccessAction} />
            </div>
          </details>
        </section>
      </div>
    </div>
  );
}
