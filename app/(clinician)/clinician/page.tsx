import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICAL_ROLES } from "@/lib/auth/sessions/resolve-session";
import { Users } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Clinician" };

export default async function ClinicianHomePage() {
  const user = await requireUser({ roles: CLINICAL_ROLES, returnTo: "/clinician" });
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader title="Patients" description="Patients who have shared records with you, and for how long." />
      {user.status === "PENDING_VERIFICATION" ? (
        <div className="mb-6">
          <Alert tone="info">
            An administrator is checking your licence details. Until your account is verified you cannot request access to or
            see any patient data. We will email you when it is done.
          </Alert>
        </div>
      ) : null}
      <EmptyState icon={Users} title="No patient has shared with you yet">
        When a patient shares records with you, they appear here. You can also request access from a patient with their
        email address or patient code.
      </EmptyState>
    </div>
  );
}
