"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { requestEmailChangeAction } from "@/app/account/security/email/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZEmailRequestSchema, type TEmailRequest } from "@/lib/validation/account-links";

/** The new address; the answer is a "check that inbox" message, never whether the address is in use. */
export function ChangeEmailForm() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<TEmailRequest>({
    resolver: zodResolver(ZEmailRequestSchema),
    defaultValues: { email: "" },
  });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      setSent(null);
      const result = await requestEmailChangeAction(values);
      if (result.ok) {
        setSent(result.message);
        reset({ email: "" });
        return;
      }
      const fieldError = result.fieldErrors?.email?.[0];
      if (fieldError) setError("email", { message: fieldError });
      else setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label="New email address" type="email" autoComplete="email" error={formState.errors.email?.message} {...register("email")} />
      <Button type="submit" pending={pending}>
        Send confirmation link
      </Button>
    </form>
  );
}
