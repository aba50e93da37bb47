"use client";

import { Trash2 } from "lucide-react";
import { deleteRecordAction } from "@/app/(patient)/patient/records/[recordId]/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmAction } from "@/components/ui/confirm-dialog";

export const DELETE_QUESTION = "Delete this record?";
export const DELETE_EXPLANATION = "The file is removed for good. The access log keeps a note that it existed.";

interface DeleteRecordDialogProps {
  recordId: string;
  name: string;
  /** Injected in tests; the server action (which redirects on success) otherwise. */
  remove?: typeof deleteRecordAction;
}

/** Deleting asks first; only "Delete for good" in the dialog deletes. */
export function DeleteRecordDialog({ recordId, name, remove = deleteRecordAction }: DeleteRecordDialogProps) {
  const confirm = useConfirmAction({
    action: async () => {
      // On success the action redirects to the records list; it only returns on failure.
      const result = await remove({ recordId });
      return result && !result.ok ? result : undefined;
    },
  });

  return (
    <ConfirmDialog
      {...confirm}
      trigger={
        <Button variant="secondary">
          <Trash2 aria-hidden className="size-5" /> Delete
        </Button>
      }
      title={DELETE_QUESTION}
      description={DELETE_EXPLANATION}
      cancelLabel="Keep it"
      confirmLabel="Delete for good"
    >
      <p className="mt-2 break-words text-sm text-slate-600">{name}</p>
    </ConfirmDialog>
  );
}
