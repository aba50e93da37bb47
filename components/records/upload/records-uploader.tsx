"use client";

// Drop zone + file chooser + the queue of uploads. Files go from the browser
// straight to blob storage (see use-upload-queue.ts); when the queue settles
// the page's server components are refreshed so the new records appear.
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import { FolderOpen, Upload } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_TEXT, CLIENT_LIMITS, formatBytes } from "./file-checks";
import { UploadRow } from "./upload-row";
import { ACTIVE_STATUSES } from "./upload-item";
import { useUploadQueue } from "./use-upload-queue";

export interface RecordsUploaderProps {
  patientId: string;
  /** No records yet: the drop zone doubles as the list's empty state. */
  emptyVault?: boolean;
  /** Where a finished upload's "Open" link points (the record id is appended); null: no link. */
  recordHrefPrefix?: string | null;
  /** For tests: block retry backoff base. */
  retryBaseMs?: number;
}

export function RecordsUploader({ patientId, emptyVault = false, recordHrefPrefix = "/patient/records/", retryBaseMs }: RecordsUploaderProps) {
  const router = useRouter();
  const queue = useUploadQueue({ patientId, retryBaseMs, onRecordsAdded: () => router.refresh() });
  const inputRef = useRef<HTMLInputElement>(null);
  const dicomInputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const listId = useId();

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) queue.addFiles(Array.from(event.dataTransfer.files));
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };

  const active = queue.items.filter((item) => ACTIVE_STATUSES.has(item.status) || item.status === "queued").length;
  const done = queue.items.filter((item) => item.status === "done").length;

  return (
    <section aria-labelledby={`${listId}-title`} className="flex flex-col gap-4">
      {!emptyVault ? (
        <h2 id={`${listId}-title`} className="sr-only">
          Upload records
        </h2>
      ) : null}
      <div
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="upload-drop-zone"
        className={cn(
          "flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-4 text-center transition-colors",
          emptyVault ? "py-10" : "py-5",
          dragging ? "border-accent-700 bg-accent-50" : "border-slate-300 bg-white",
        )}
      >
        {emptyVault ? (
          <>
            <FolderOpen aria-hidden className="size-10 text-accent-700" />
            <div>
              <h2 id={`${listId}-title`} className="text-lg font-semibold text-slate-900">
                Your vault is empty — upload your first record
              </h2>
              <p className="mt-1 max-w-md text-slate-600">A lab report, a scan or a photo of a letter from your doctor. MedVault sorts it by type and date for you.</p>
            </div>
          </>
        ) : null}
        <button
          type="button"
          onClick={() => inputRef.current?.click()}
          aria-describedby={hintId}
          className="inline-flex min-h-12 w-full max-w-xs items-center justify-center gap-2 rounded-lg bg-accent-700 px-5 py-3 text-base font-semibold text-white hover:bg-accent-800"
        >
          <Upload aria-hidden className="size-5" />
          Upload records
        </button>
        <p id={hintId} className="max-w-md text-sm text-slate-600">
          <span className="hidden sm:inline">Or drop files here. </span>
          {ALLOWED_TYPES_TEXT}. Up to {formatBytes(CLIENT_LIMITS.document)} per document, {formatBytes(CLIENT_LIMITS.imaging)} per image or scan.
        </p>
        <button type="button" onClick={() => dicomInputRef.current?.click()} className="min-h-11 px-2 text-sm font-medium text-accent-800 underline">
          Scans without a file extension? Choose DICOM files
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="hidden"
          aria-label="Choose files to upload"
          data-testid="upload-input"
          onChange={(event) => {
            if (event.target.files) queue.addFiles(Array.from(event.target.files));
            event.target.value = "";
          }}
        />
        <input
          ref={dicomInputRef}
          type="file"
          multiple
          className="hidden"
          aria-label="Choose DICOM files to upload"
          onChange={(event) => {
            if (event.target.files) queue.addFiles(Array.from(event.target.files), { assumeDicom: true });
            event.target.value = "";
          }}
        />
      </div>

      {queue.items.length > 0 ? (
        <div className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-2">
            <p role="status" className="text-sm text-slate-700">
              {active > 0 ? `Uploading ${active} ${active === 1 ? "file" : "files"}…` : `${done} of ${queue.items.length} uploaded.`}
            </p>
            {done > 0 ? (
              <button type="button" onClick={queue.clearFinished} className="min-h-11 px-2 text-sm font-medium text-accent-800 underline">
                Clear finished
              </button>
            ) : null}
          </div>
          <ul aria-label="Uploads" className="flex flex-col gap-2">
            {queue.items.map((item) => (
              <UploadRow key={item.id} item={item} actions={queue} recordHrefPrefix={recordHrefPrefix} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
