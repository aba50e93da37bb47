"use client";

// Archive (and Restore) of one record. Reversible, so no confirmation: the
// toast offers Undo instead.
import { useTransition } from "react";
import { Archive, ArchiveRestore } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { useShowToast } from "./records-toast";

export type RecordStatusActionResult = { ok: boolean; message: string };
export type RecordStatusAction = (recordId: string) => Promise<RecordStatusActionResult>;

interface RecordStatusButtonProps {
  recordId: string;
  recordName: string;
  mode: "archive" | "restore";
  archive: RecordStatusAction;
  restore: RecordStatusAction;
}

export function RecordStatusButton({ recordId, recordName, mode, archive, restore }: RecordStatusButtonProps) {
  const [pending, startTransition] = useTransition();
  const showToast = useShowToast();
  const [act, undo] = mode === "archive" ? [archive, restore] : [restore, archive];
  const Icon = mode === "archive" ? Archive : ArchiveRestore;
  const label = mode === "archive" ? "Archive" : "Restore";

  const run = () =>
    startTransition(async () => {
      const result = await act(recordId);
      if (!result.ok) {
        showToast({ tone: "error", message: result.message });
        return;
      }
      showToast({
        tone: "success",
        message: result.message,
        action: {
          label: "Undo",
          run: () =>
            startTransition(async () => {
              const undone = await undo(recordId);
              showToast(undone.ok ? { tone: "success", message: mode === "archive" ? "Record restored." : "Record archived again." } : { tone: "error", message: undone.message });
            }),
        },
      });
    });

  return (
    <button
      type="button"
      onClick={run}
      disabled={pending}
      aria-busy={pending || undefined}
      aria-label={`${label} ${recordName}`}
      className={cn(
        "inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-lg px-3 text-sm font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50 disabled:cursor-wait disabled:text-slate-500",
      )}
    >
      <Icon aria-hidden className="size-4" />
      {label}
    </button>
  );
}
