"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { changePasswordAction } from "@/app/account/security/password/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZPasswordSchema } from "@/lib/validation/auth";

// The common-password rule is checked on the server; its message comes back on the field.
const ZChangePasswordFormSchema = z
  .object({ password: ZPasswordSchema, repeat: z.string() })
  .refine((values) => values.password === values.repeat, { path: ["repeat"], error: "The two passwords do not match." });
type TChangePasswordForm = z.input<typeof ZChangePasswordFormSchema>;

/** New password, typed twice. On success the action redirects to the page's "changed" state. */
export function ChangePasswordForm({ firstPassword }: { firstPassword: boolean }) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<TChangePasswordForm>({
    resolver: zodResolver(ZChangePasswordFormSchema),
    defaultValues: { password: "", repeat: "" },
  });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await changePasswordAction({ password: values.password });
      if (!result || result.ok) return;
      const fieldError = result.fieldErrors?.password?.[0];
      if (fieldError) setError("password", { message: fieldError });
      else setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words work well."
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <Field label="New password again" type="password" autoComplete="new-password" error={formState.errors.repeat?.message} {...register("repeat")} />
      <Button type="submit" pending={pending}>
        {firstPassword ? "Set password" : "Change password"}
      </Button>
    </form>
  );
}
