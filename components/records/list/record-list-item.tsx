// One record in the list: thumbnail (images, PDFs' first page) or type icon,
// name (a link to the record), category, date of service, provider, who
// uploaded it, and Archive or Restore.
import Link from "next/link";
import { categoryLabel, modalityLabel, typeLabel } from "@/components/records/detail/labels";
import type { RecordSummary } from "@/lib/records/record-summary";
import { LocalDay, LocalInstantDay } from "./local-dates";
import { RecordStatusButton, type RecordStatusAction } from "./record-status-button";
import { RecordTypeIcon } from "./record-type-icon";

/** The summary plus fields a later summary may carry. */
export type ListedRecord = RecordSummary & { modality?: string | null; uploadedByName?: string | null };

interface RecordListItemProps {
  record: ListedRecord;
  archive: RecordStatusAction;
  restore: RecordStatusAction;
  /** In the timeline the category is news; in the category view it is the heading. */
  showCategory: boolean;
}

export function RecordListItem({ record, archive, restore, showCategory }: RecordListItemProps) {
  const uploadedByOther = record.uploadedById !== record.ownerId;
  const category = [record.category ? categoryLabel(record.category) : null, record.modality ? modalityLabel(record.modality) : null].filter(Boolean).join(" · ");
  return (
    <li className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white p-3">
      {record.hasThumbnail ? (
        // Decorative: the name next to it says what it is. Same-origin route, authorized per request.
        // eslint-disable-next-line @next/next/no-img-element -- an authorized, privately cached route: not for next/image's optimizer
        <img
          src={`/api/records/${encodeURIComponent(record.id)}/thumbnail`}
          alt=""
          loading="lazy"
          decoding="async"
          width={56}
          height={56}
          data-testid="record-thumbnail"
          className="size-14 shrink-0 rounded-lg border border-slate-200 bg-slate-50 object-cover"
        />
      ) : (
        <span className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-lg bg-accent-50 text-accent-800">
          <RecordTypeIcon mimeType={record.mimeType} className="size-5" />
        </span>
      )}
      <div className="min-w-0 flex-1">
        <Link
          href={`/patient/records/${encodeURIComponent(record.id)}`}
          className="block break-words font-semibold text-slate-900 underline-offset-2 hover:underline"
        >
          {record.originalName}
          <span className="sr-only">, {typeLabel(record.mimeType)}</span>
        </Link>
        <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-slate-600">
          {showCategory || record.modality ? (
            <div className="flex gap-1">
              <dt className="sr-only">Category</dt>
              <dd>{category || "Not sorted yet"}</dd>
            </div>
          ) : null}
          <div className="flex gap-1 whitespace-nowrap">
            <dt className={record.dateOfService ? "sr-only" : undefined}>{record.dateOfService ? "Date of service" : "Uploaded"}</dt>
            <dd>{record.dateOfService ? <LocalDay value={record.dateOfService} /> : <LocalInstantDay value={record.createdAt} />}</dd>
          </div>
          {record.sourceProvider ? (
            <div className="flex min-w-0 gap-1">
              <dt className="sr-only">Provider</dt>
              <dd className="truncate">{record.sourceProvider}</dd>
            </div>
          ) : null}
          {uploadedByOther ? (
            <div className="flex gap-1">
              <dt>Uploaded by</dt>
              <dd>{record.uploadedByName ?? "your care team"}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <RecordStatusButton
        recordId={record.id}
        recordName={record.originalName}
        mode={record.status === "ARCHIVED" ? "restore" : "archive"}
        archive={archive}
        restore={restore}
      />
    </li>
  );
}
