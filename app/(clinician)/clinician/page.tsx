import type { Metadata } from "next";
import { Users } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Clinician" };

export default function ClinicianHomePage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader title="Patients" description="Patients who have shared records with you, and for how long." />
      <EmptyState icon={Users} title="No patient has shared with you yet">
        When a patient shares records with you, they appear here. You can also request access from a patient with their
        email address or patient code.
      </EmptyState>
    </div>
  );
}
