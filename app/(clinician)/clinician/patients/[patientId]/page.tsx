import type { Metadata } from "next";
import { ChevronLeft, FileText, HeartPulse, Upload } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SharedRecordList } from "@/components/clinician/shared-record-list";
import { levelLabel, scopeText } from "@/components/sharing/sharing-labels";
import { LocalTime } from "@/components/admin/local-time";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { listSharedRecords } from "@/lib/sharing/list-shared-records";
import { getSharedPatientAccess, type SharedPatientAccess } from "@/lib/sharing/shared-patient-access";

// The patient's name stays out of the tab title and history.
export const metadata: Metadata = { title: "Patient" };

export default async function ClinicianPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: base });
  let access: SharedPatientAccess;
  try {
    access = await getSharedPatientAccess({ actor: user, patientId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { records, truncated } = await listSharedRecords({ actor: user, patientId });
  const name = access.patient.name ?? "Unnamed patient";

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-6">
      <Link href="/clinician" className="inline-flex min-h-11 items-center gap-1 self-start font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> Patients
      </Link>
      <header className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{name}</h1>
          <ul className="mt-1 flex flex-col gap-0.5 text-slate-700" aria-label="What you may see">
            {access.grants.map((grant) => (
              <li key={grant.id}>
                {grant.origin === "EMERGENCY" ? "Emergency access: " : null}
                {scopeText(grant)} · {levelLabel(grant.level)} · until <LocalTime value={grant.expiresAt.toISOString()} />
              </li>
            ))}
          </ul>
        </div>
        <nav aria-label="This patient" className="flex flex-wrap gap-2">
          <ButtonLink href={`${base}/summary`} variant="secondary">
            <HeartPulse aria-hidden className="size-5" /> Summary
          </ButtonLink>
          {access.can.upload ? (
            <ButtonLink href={`${base}/upload`}>
              <Upload aria-hidden className="size-5" /> Upload for this patient
            </ButtonLink>
          ) : null}
        </nav>
      </header>

      {records.length === 0 ? (
        <EmptyState icon={FileText} title="No records to show">
          The patient has no records in what they shared with you yet. Ask them to share more from their Sharing page if you need it.
        </EmptyState>
      ) : (
        <SharedRecordList patientId={access.patient.id} records={records} />
      )}
      {truncated ? <p className="text-sm text-slate-600">Showing the newest {records.length} records.</p> : null}
    </div>
  );
}
