// One file in the upload list: name, size, progress and what can be done now.
import Link from "next/link";
import { Pause, Play, RotateCcw, X } from "lucide-react";
import { RecordTypeIcon } from "@/components/records/list/record-type-icon";
import { cn } from "@/components/ui/cn";
import { formatBytes } from "./file-checks";
import { percentOf } from "./upload-blocks";
import type { UploadItem } from "./upload-item";
import { UploadStatusBadge } from "./upload-status";

export interface UploadRowActions {
  pause: (id: string) => void;
  resume: (id: string) => void;
  retry: (id: string) => void;
  cancel: (id: string) => void;
  remove: (id: string) => void;
}

const rowButton =
  "inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-lg px-3 text-sm font-semibold ring-1 ring-inset ring-slate-300 bg-white text-slate-900 hover:bg-slate-50";

export function UploadRow({ item, actions, recordHrefPrefix = "/patient/records/" }: { item: UploadItem; actions: UploadRowActions; recordHrefPrefix?: string | null }) {
  const percent = item.status === "done" || item.status === "verifying" ? 100 : percentOf(item.loaded, item.size);
  const showBar = item.status !== "rejected";
  const problem = item.status === "failed" || item.status === "rejected";
  const messageId = `${item.id}-message`;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-3" aria-describedby={item.message ? messageId : undefined}>
      <div className="flex items-start gap-3">
        <RecordTypeIcon mimeType={item.type ?? ""} className="mt-0.5 size-5 shrink-0 text-slate-500" />
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900" title={item.name}>
            {item.name}
          </p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <span>{formatBytes(item.size)}</span>
            <UploadStatusBadge status={item.status} />
            {showBar && item.status !== "done" ? <span aria-hidden>{percent}%</span> : null}
          </p>
        </div>
        {item.status === "done" && item.recordId && recordHrefPrefix !== null ? (
          <Link href={`${recordHrefPrefix}${encodeURIComponent(item.recordId)}`} className={cn(rowButton, "shrink-0 text-accent-800")}>
            Open<span className="sr-only"> {item.name}</span>
          </Link>
        ) : null}
      </div>

      {showBar ? (
        <div
          role="progressbar"
          aria-label={`Upload of ${item.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}% uploaded`}
          className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={cn("h-full rounded-full transition-[width] duration-200", item.status === "failed" ? "bg-red-600" : item.status === "paused" ? "bg-amber-600" : "bg-accent-700")}
            style={{ width: `${percent}%` }}
          />
        </div>
      ) : null}

      {item.message ? (
        <p id={messageId} className={cn("mt-2 text-sm", problem ? "font-medium text-red-800" : "text-slate-700")}>
          {item.message}
        </p>
      ) : null}

      <RowActions item={item} actions={actions} />
    </li>
  );
}

function RowActions({ item, actions }: { item: UploadItem; actions: UploadRowActions }) {
  const { id, name, status } = item;
  const buttons: React.ReactNode[] = [];
  if (status === "uploading") {
    buttons.push(
      <button key="pause" type="button" className={rowButton} onClick={() => actions.pause(id)} aria-label={`Pause ${name}`}>
        <Pause aria-hidden className="size-4" /> Pause
      </button>,
    );
  }
  if (status === "paused") {
    buttons.push(
      <button key="resume" type="button" className={rowButton} onClick={() => actions.resume(id)} aria-label={`Resume ${name}`}>
        <Play aria-hidden className="size-4" /> Resume
      </button>,
    );
  }
  if (status === "failed") {
    buttons.push(
      <button key="retry" type="button" className={rowButton} onClick={() => actions.retry(id)} aria-label={`Retry ${name}`}>
        <RotateCcw aria-hidden className="size-4" /> Retry
      </button>,
    );
  }
  if (status === "queued" || status === "paused") {
    buttons.push(
      <button key="cancel" type="button" className={rowButton} onClick={() => actions.cancel(id)} aria-label={`Cancel ${name}`}>
        <X aria-hidden className="size-4" /> Cancel
      </button>,
    );
  }
  if (status === "failed" || status === "rejected") {
    buttons.push(
      <button key="remove" type="button" className={rowButton} onClick={() => actions.remove(id)} aria-label={`Remove ${name} from the list`}>
        <X aria-hidden className="size-4" /> Remove
      </button>,
    );
  }
  if (buttons.length === 0) return null;
  return <div className="mt-3 flex flex-wrap justify-end gap-2">{buttons}</div>;
}
