"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZResetPasswordSchema, type TResetPasswordInput } from "@/lib/validation/account-links";

export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<TResetPasswordInput>({ resolver: zodResolver(ZResetPasswordSchema), defaultValues: { token } });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await resetPasswordAction(values);
      if (!result || result.ok) return;
      if (result.field) setError(result.field, { message: result.message });
      else setFailure(result.message);
    }),
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? (
        <Alert tone="error">
          {failure}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Request a new link
          </Link>
        </Alert>
      ) : null}
      {formState.errors.token ? <Alert tone="error">{formState.errors.token.message}</Alert> : null}
      <input type="hidden" {...register("token")} />
      <Field label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." error={formState.errors.password?.message} {...register("password")} />
      <Button type="submit" pending={pending}>
        Set new password
      </Button>
    </form>
  );
}
