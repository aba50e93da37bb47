"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { reauthenticateAction } from "@/app/account/reauthenticate/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZReauthenticateSchema, type TReauthenticateInput } from "@/lib/auth/two-factor/schemas";

/** "Confirm it's you": the password, or the authenticator's code for accounts without one. */
export function ReauthenticateForm({ method, returnTo }: { method: TReauthenticateInput["method"]; returnTo?: string }) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, resetField } = useForm<TReauthenticateInput>({
    resolver: zodResolver(ZReauthenticateSchema),
    defaultValues: method === "password" ? { method, password: "" } : { method, code: "" },
  });
  const errors = formState.errors as Partial<Record<"password" | "code", { message?: string }>>;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await reauthenticateAction(values, returnTo);
      if (!result || result.ok) return;
      const field = method === "password" ? "password" : "code";
      const fieldError = result.fieldErrors?.[field]?.[0];
      if (fieldError) setError(field, { message: fieldError });
      else setFailure(result.message);
      resetField(field, { keepError: true });
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <input type="hidden" {...register("method")} />
      {method === "password" ? (
        <Field label="Password" type="password" autoComplete="current-password" autoFocus error={errors.password?.message} {...register("password")} />
      ) : (
        <Field
          label="6-digit code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          autoFocus
          error={errors.code?.message}
          {...register("code")}
        />
      )}
      <Button type="submit" pending={pending}>
        Confirm
      </Button>
    </form>
  );
}
