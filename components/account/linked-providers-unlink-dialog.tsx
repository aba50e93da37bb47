"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { unlinkProviderAction } from "@/app/account/security/link-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** "Unlink Google": asks first; the server refuses if it is the last way to sign in. */
export function UnlinkProviderDialog({ provider, name }: { provider: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const unlink = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await unlinkProviderAction({ provider });
      if (result.ok) {
        setOpen(false);
        router.replace("/account/security");
        router.refresh();
      } else setFailure(result.message);
    });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFailure(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary" className="w-full sm:w-auto">
          Unlink {name}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Unlink {name}?</Dialog.Title>
          <Dialog.Description className="mt-2 text-slate-600">
            You will no longer be able to sign in to MedVault with {name}. You can link it again later.
          </Dialog.Description>
          <div className="mt-4 flex flex-col gap-4">
            {failure ? <Alert tone="error">{failure}</Alert> : null}
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button variant="danger" pending={pending} onClick={unlink}>
                Unlink {name}
              </Button>
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
