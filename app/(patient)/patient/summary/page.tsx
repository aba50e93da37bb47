import type { Metadata } from "next";
import { PatientSummaryView } from "@/components/health/patient-summary-view";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getPatientSummary } from "@/lib/health/get-patient-summary";

export const metadata: Metadata = { title: "Summary" };

export default async function PatientSummaryPage() {
  const user = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/summary" });
  const summary = await getPatientSummary({ actor: user, patientId: user.id });
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <PageHeader
        title="My health summary"
        description="What a clinician you share your records with sees first."
        actions={
          <ButtonLink href="/patient/health" variant="secondary">
            Update health data
          </ButtonLink>
        }
      />
      <PatientSummaryView summary={summary} viewer="patient" healthHref="/patient/health" recordHref={(id) => `/patient/records/${encodeURIComponent(id)}`} />
    </div>
  );
}
