import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatientSummaryView } from "@/components/health/patient-summary-view";
import { ButtonLink } from "@/components/ui/button-link";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getPatientSummary, type PatientSummary } from "@/lib/health/get-patient-summary";
import { requestContext } from "@/lib/http/request-context";

// The patient's name stays out of the tab title and history.
export const metadata: Metadata = { title: "Patient summary" };

export default async function ClinicianPatientSummaryPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${base}/summary` });
  let summary: PatientSummary;
  try {
    summary = await getPatientSummary({ actor: user, patientId, context: await requestContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-6">
      <Link href={base} className="inline-flex min-h-11 items-center gap-1 self-start font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> Records
      </Link>
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">{summary.patient.name ?? "Unnamed patient"}</h1>
          <p className="mt-1 text-slate-700">Summary as the patient recorded it.</p>
        </div>
        {summary.health ? (
          <ButtonLink href={`${base}/health`} variant="secondary">
            {summary.can.proposeHealth ? "Health data and proposals" : "All health data"}
          </ButtonLink>
        ) : null}
      </header>
      <PatientSummaryView summary={summary} viewer="clinician" healthHref={`${base}/health`} recordHref={(id) => `${base}/records/${encodeURIComponent(id)}`} />
    </div>
  );
}
