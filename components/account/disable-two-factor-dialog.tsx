"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { disableTwoFactorAction } from "@/app/account/security/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZSecondFactorSchema, type TSecondFactorInput } from "@/lib/auth/two-factor/schemas";

/** "Turn off two-factor": asks first, and needs a current code or a recovery code. */
export function DisableTwoFactorDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [method, setMethod] = useState<TSecondFactorInput["method"]>("totp");
  const { register, handleSubmit, formState, reset, setError } = useForm<TSecondFactorInput>({
    resolver: zodResolver(ZSecondFactorSchema),
    defaultValues: { method: "totp", code: "" },
  });

  const switchMethod = () => {
    const next = method === "totp" ? "recovery_code" : "totp";
    setMethod(next);
    reset({ method: next, code: "" });
  };

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await disableTwoFactorAction(values);
      if (result.ok) {
        setOpen(false);
        router.replace("/account/security?two_factor=off");
        router.refresh();
      } else if (result.fieldErrors?.code) setError("code", { message: result.fieldErrors.code[0] });
      else setFailure(result.message);
    }),
  );

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setFailure(null);
          reset({ method, code: "" });
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="danger">Turn off two-factor authentication</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Turn off two-factor authentication?</Dialog.Title>
          <Dialog.Description className="mt-2 text-slate-600">
            Your account will be protected by your password alone, your recovery codes stop working, and you will be signed out on all other devices.
          </Dialog.Description>
          <form method="post" onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-4">
            {failure ? <Alert tone="error">{failure}</Alert> : null}
            <input type="hidden" {...register("method")} />
            {method === "totp" ? (
              <Field
                key="totp"
                label="Code from your authenticator app"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                error={formState.errors.code?.message}
                {...register("code")}
              />
            ) : (
              <Field key="recovery" label="Recovery code" autoComplete="off" spellCheck={false} placeholder="ABCDE-12345" error={formState.errors.code?.message} {...register("code")} />
            )}
            <button type="button" onClick={switchMethod} className="min-h-11 self-start font-medium text-accent-700 underline">
              {method === "totp" ? "Use a recovery code instead" : "Use the code from your app instead"}
            </button>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Dialog.Close asChild>
                <Button variant="secondary">Keep it on</Button>
              </Dialog.Close>
              <Button type="submit" variant="danger" pending={pending}>
                Turn off
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
