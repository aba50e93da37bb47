"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZEmailRequestSchema, type TEmailRequest } from "@/lib/validation/account-links";

export type EmailRequestResult = { ok: boolean; message: string };

/** One email field that asks the server to send a link (reset, new confirmation). */
export function EmailRequestForm(props: { action: (input: TEmailRequest) => Promise<EmailRequestResult>; submitLabel: string; defaultEmail?: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<EmailRequestResult | null>(null);
  const { register, handleSubmit, formState } = useForm<TEmailRequest>({ resolver: zodResolver(ZEmailRequestSchema), defaultValues: { email: props.defaultEmail ?? "" } });
  const onSubmit = handleSubmit((values) => startTransition(async () => setResult(await props.action(values))));
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {result ? <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert> : null}
      <Field label="Email" type="email" autoComplete="email" inputMode="email" error={formState.errors.email?.message} {...register("email")} />
      <Button type="submit" pending={pending}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
