"use client";

// The last step of "Delete my account": type the phrase, then confirm in a
// dialog that says once more what happens. Destructive, so never one click.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { deleteAccountAction } from "@/app/account/delete/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { DELETE_ACCOUNT_PHRASE, ZDeleteAccountSchema, type TDeleteAccount } from "@/lib/account/delete-account/schemas";

export function DeleteAccountForm() {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, getValues } = useForm<TDeleteAccount>({
    resolver: zodResolver(ZDeleteAccountSchema),
    defaultValues: { confirmation: "" },
  });

  const onSubmit = handleSubmit(() => {
    setFailure(null);
    setOpen(true);
  });

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteAccountAction(getValues());
      if (result && !result.ok) {
        setOpen(false);
        setFailure(result.message);
      }
    });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field
        label={`Type "${DELETE_ACCOUNT_PHRASE}" to confirm`}
        autoComplete="off"
        spellCheck={false}
        error={formState.errors.confirmation?.message}
        {...register("confirmation")}
      />
      <Button type="submit" variant="danger" className="w-full sm:w-auto sm:self-start">
        Delete my account…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete your account for good?"
        description="Every file and all your health data are deleted, everyone you shared with loses access and is told so, and you are signed out. This cannot be undone."
        cancelLabel="Keep my account"
        confirmLabel="Delete everything"
        pending={pending}
        onConfirm={confirm}
      />
    </form>
  );
}
