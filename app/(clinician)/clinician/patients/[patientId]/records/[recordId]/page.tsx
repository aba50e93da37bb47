import { ChevronLeft, Eye } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProposeRecordChangeForm } from "@/components/proposals/propose-record-change-form";
import { DownloadButton } from "@/components/records/detail/download-button";
import { RecordFacts } from "@/components/records/detail/record-facts";
import { toRecordView } from "@/components/records/detail/record-view";
import { RecordPreview } from "@/components/records/viewer/record-preview";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { proposeFormFor } from "@/lib/proposals/propose-form-for";
import { viewSharedRecord } from "@/lib/sharing/view-shared-record";

// The file name can itself be medical content: it stays out of the tab title and history.
export const metadata: Metadata = { title: "Record" };

export default async function ClinicianRecordPage({ params }: { params: Promise<{ patientId: string; recordId: string }> }) {
  const { patientId, recordId } = await params;
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${base}/records/${encodeURIComponent(recordId)}` });

  let opened;
  try {
    // Checked at this click: a revoked or expired grant, or a record outside it, is "not found".
    opened = await viewSharedRecord({ actor: user, patientId, recordId, context: await requestContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const proposal = await proposeFormFor({ actor: user, record: opened.record });
  // "Corrected by you" would be wrong here: the clinician did not correct anything.
  const record = toRecordView({ ...opened.record, correctedFields: [] }, { viewerId: user.id, uploaderName: null });

  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <Link href={base} className="inline-flex min-h-11 items-center gap-1 font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> All shared records
      </Link>
      <header className="mb-5 mt-2">
        <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">{record.originalName}</h1>
      </header>
      <div className="grid gap-6 min-[820px]:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] min-[820px]:items-start">
        <section aria-label="Preview" className="min-w-0">
          <RecordPreview recordId={record.id} name={record.originalName} mimeType={record.mimeType} sizeBytes={record.sizeBytes} hasThumbnail={record.hasThumbnail} />
        </section>
        <div className="flex min-w-0 flex-col gap-6">
          {opened.canDownload ? (
            <DownloadButton recordId={record.id} className="w-full" />
          ) : (
            <p className="flex items-start gap-2 rounded-lg bg-slate-100 p-3 text-slate-700">
              <Eye aria-hidden className="mt-0.5 size-5 shrink-0" />
              {opened.via === "emergency" ? "Emergency access is view only." : "The patient shared this for viewing only, so it cannot be downloaded."}
            </p>
          )}
          <section aria-labelledby="record-details-title" className="flex flex-col gap-3">
            <h2 id="record-details-title" className="text-lg font-semibold">
              Details
            </h2>
            <RecordFacts record={record} />
          </section>
          {proposal ? (
            <section className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
              <ProposeRecordChangeForm {...proposal} />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
