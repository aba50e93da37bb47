"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { deleteRecordAction } from "@/app/(patient)/patient/records/[recordId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = () =>
    startTransition(async () => {
      setFailure(null);
      // On success the action redirects to the records list; it only returns on failure.
      const result = await remove({ recordId });
      if (result && !result.ok) setFailure(result.message);
    });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) setFailure(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary">
          <Trash2 aria-hidden className="size-5" /> Delete
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{DELETE_QUESTION}</Dialog.Title>
          <Dialog.Description className="mt-2 text-slate-700">{DELETE_EXPLANATION}</Dialog.Description>
          <p className="mt-2 break-words text-sm text-slate-600">{name}</p>
          {failure ? (
            <div className="mt-4">
              <Alert tone="error">{failure}</Alert>
            </div>
          ) : null}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary" disabled={pending}>
                Keep it
              </Button>
            </Dialog.Close>
            <Button variant="danger" pending={pending} onClick={confirm}>
              Delete for good
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
