import { Archive, ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/records/detail/archive-button";
import { CategorizationWhy } from "@/components/records/detail/categorization-why";
import { CategorizingNotice } from "@/components/records/detail/categorizing-notice";
import { DeleteRecordDialog } from "@/components/records/detail/delete-record-dialog";
import { DownloadButton } from "@/components/records/detail/download-button";
import { MetadataForm } from "@/components/records/detail/metadata-form";
import { RecordFacts } from "@/components/records/detail/record-facts";
import { RecordVersionProvider } from "@/components/records/detail/record-version";
import { toRecordView } from "@/components/records/detail/record-view";
import { RecordPreview } from "@/components/records/viewer/record-preview";
import { requireUser } from "@/lib/auth/current-user";
import { findAccessibleRecord } from "@/lib/authz/records";
import { AppError } from "@/lib/errors";
import { findUploaderName } from "@/lib/records/uploader-name";
import { ZRecordIdSchema } from "@/lib/validation/records";

// The file name can itself be medical content: it stays out of the tab title and history.
export const metadata: Metadata = { title: "Record" };

export default async function RecordPage({ params }: { params: Promise<{ recordId: string }> }) {
  const { recordId: rawId } = await params;
  const user = await requireUser({ roles: ["PATIENT"], returnTo: `/patient/records/${encodeURIComponent(rawId)}` });
  const recordId = ZRecordIdSchema.safeParse(rawId);
  if (!recordId.success) notFound();

  let row;
  try {
    row = await findAccessibleRecord({ actor: user, recordId: recordId.data });
  } catch (error) {
    // Someone else's record and no record at all look the same.
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  // The patient, or a clinician who contributed it with a CONTRIBUTE grant ("Dr. …").
  const uploaderName = row.uploadedById === user.id ? user.name : await findUploaderName({ userId: row.uploadedById });
  const record = toRecordView(row, { viewerId: user.id, uploaderName });
  const archived = record.status === "ARCHIVED";

  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <Link href="/patient" className="inline-flex min-h-11 items-center gap-1 font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> My records
      </Link>
      <header className="mb-5 mt-2">
        <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">{record.originalName}</h1>
        {archived ? (
          <p className="mt-2 inline-flex items-center gap-1.5 rounded-full bg-slate-200 px-3 py-1 text-sm font-medium text-slate-800">
            <Archive aria-hidden className="size-4" /> Archived
          </p>
        ) : null}
      </header>

      <RecordVersionProvider version={record.version}>
        <div className="grid gap-6 min-[820px]:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] min-[820px]:items-start">
          <section aria-label="Preview" className="min-w-0">
            <RecordPreview recordId={record.id} name={record.originalName} mimeType={record.mimeType} sizeBytes={record.sizeBytes} hasThumbnail={record.hasThumbnail} />
          </section>

          <div className="flex min-w-0 flex-col gap-6">
            <div className="flex flex-col gap-2">
              <DownloadButton recordId={record.id} className="w-full" />
              <div className="grid grid-cols-2 gap-2">
                <ArchiveButton recordId={record.id} archived={archived} />
                <DeleteRecordDialog recordId={record.id} name={record.originalName} />
              </div>
            </div>

            <section aria-labelledby="record-details-title" className="flex flex-col gap-3">
              <h2 id="record-details-title" className="text-lg font-semibold">
                Details
              </h2>
              {record.categorized ? null : <CategorizingNotice />}
              <RecordFacts record={record} />
              {record.categorized ? <CategorizationWhy signals={record.signals} correctedFields={record.correctedFields} /> : null}
            </section>

            <MetadataForm recordId={record.id} category={record.category} dateOfService={record.dateOfService} tags={record.tags} />
          </div>
        </div>
      </RecordVersionProvider>
    </div>
  );
}
