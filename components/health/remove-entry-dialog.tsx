"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmAction } from "@/components/ui/confirm-dialog";
import type { HealthFormResult } from "./health-entry-form";

interface RemoveEntryDialogProps {
  title: string;
  what: string;
  /** The bound server action (entry and version). */
  remove: () => Promise<HealthFormResult>;
}

/** Removing asks first; only "Remove" in the dialog removes. The entry's history is kept. */
export function RemoveEntryDialog({ title, what, remove }: RemoveEntryDialogProps) {
  const router = useRouter();
  const confirm = useConfirmAction({ action: remove, onDone: () => router.refresh() });

  return (
    <ConfirmDialog
      {...confirm}
      trigger={
        <Button variant="secondary" className="px-3">
          <Trash2 aria-hidden className="size-4" /> Remove<span className="sr-only"> {title}</span>
        </Button>
      }
      title={<>Remove this {what}?</>}
      description="It disappears from your health data and summary. Its history stays in your vault's change log."
      cancelLabel="Keep it"
      confirmLabel="Remove"
    >
      <p className="mt-2 break-words text-sm font-medium text-slate-800">{title}</p>
    </ConfirmDialog>
  );
}
