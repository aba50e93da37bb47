import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { FolderOpen } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My records" };

export default async function PatientHomePage() {
  await requireUser({ roles: ["PATIENT"], returnTo: "/patient" });
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader title="My records" description="Your records, health data and who you share them with." />
      <EmptyState icon={FolderOpen} title="Your vault is empty">
        Upload your first record: a lab report, a scan or a photo of a letter from your doctor. MedVault will
        sort it by type and date for you.
      </EmptyState>
    </div>
  );
}
