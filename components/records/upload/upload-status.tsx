// The state of an upload as an icon and a word (never colour alone).
import { CircleAlert, CircleCheck, Clock, LoaderCircle, Pause, ShieldCheck, Ban } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { UploadStatus } from "./upload-item";

const LOOK: Record<UploadStatus, { label: string; icon: typeof Clock; className: string; spin?: boolean }> = {
  queued: { label: "Queued", icon: Clock, className: "text-slate-700" },
  uploading: { label: "Uploading", icon: LoaderCircle, className: "text-accent-800", spin: true },
  paused: { label: "Paused", icon: Pause, className: "text-amber-800" },
  verifying: { label: "Verifying", icon: ShieldCheck, className: "text-accent-800" },
  done: { label: "Done", icon: CircleCheck, className: "text-green-800" },
  failed: { label: "Failed", icon: CircleAlert, className: "text-red-700" },
  rejected: { label: "Not accepted", icon: Ban, className: "text-red-700" },
};

export function uploadStatusLabel(status: UploadStatus): string {
  return LOOK[status].label;
}

export function UploadStatusBadge({ status }: { status: UploadStatus }) {
  const { label, icon: Icon, className, spin } = LOOK[status];
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm font-semibold", className)}>
      <Icon aria-hidden className={cn("size-4 shrink-0", spin && "motion-safe:animate-spin")} />
      {label}
    </span>
  );
}
