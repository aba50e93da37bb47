// A clinician with a "contribute" grant adds records to a patient's vault: the
// same uploader as the patient's (slot -> blocks straight to storage ->
// finalize), for this patient. The server checks the grant at every step; the
// records belong to the patient and show who uploaded them.
import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordsUploader } from "@/components/records/upload/records-uploader";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { findContributionTarget, type ContributionTarget } from "@/lib/records/find-contribution-target";

// The patient's name stays out of the tab title and history.
export const metadata: Metadata = { title: "Upload records" };

export default async function ClinicianUploadPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId: rawId } = await params;
  const patientPath = `/clinician/patients/${encodeURIComponent(rawId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${patientPath}/upload` });
  let target: ContributionTarget;
  try {
    target = await findContributionTarget({ actor: user, patientId: rawId });
  } catch (error) {
    // No grant that allows uploads looks the same as no such patient.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED")) notFound();
    throw error;
  }
  const patient = target.patientName ?? "this patient";

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6 sm:py-8">
      <Link href={patientPath} className="inline-flex min-h-11 items-center gap-1 self-start font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> Back to {patient}&apos;s records
      </Link>
      <PageHeader
        title={`Upload records for ${patient}`}
        description={`They go into ${patient}'s vault, marked as uploaded by you, and are sorted automatically. ${target.patientName ?? "The patient"} can see, download, archive or delete them.`}
      />
      <RecordsUploader patientId={target.patientId} recordHrefPrefix={`/clinician/patients/${encodeURIComponent(target.patientId)}/records/`} />
    </div>
  );
}
