"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { regenerateRecoveryCodesAction } from "@/app/account/security/two-factor/actions";
import { TwoFactorRecoveryCodes } from "@/components/auth/two-factor-recovery-codes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** "Get new recovery codes": asks first (the old ones stop working), then shows the new ones once. */
export function RegenerateRecoveryCodes() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const regenerate = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await regenerateRecoveryCodesAction();
      setOpen(false);
      if (result.ok) setCodes(result.recoveryCodes);
      else setFailure(result.message);
    });

  if (codes) {
    return (
      <TwoFactorRecoveryCodes
        codes={codes}
        doneLabel="Done"
        onDone={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="secondary">Get new recovery codes</Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">Replace your recovery codes?</Dialog.Title>
            <Dialog.Description className="mt-2 text-slate-600">
              Your current recovery codes will stop working at once. You will see ten new codes, one time only.
            </Dialog.Description>
            <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button onClick={regenerate} pending={pending}>
                Replace codes
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
