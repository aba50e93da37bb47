"use client";

// "Break the glass": view-only access to a patient's records for at most
// 4 hours without a grant, with a written reason. The patient and the admins
// are told at once, and every page of the patient shows a banner meanwhile.
import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ReasonField } from "@/components/admin/reason-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { PublicError } from "@/lib/errors";
import { EMERGENCY_REASON_MIN, ZOpenEmergencyAccessSchema, type TOpenEmergencyAccessInput } from "@/lib/validation/sharing";

type Result = { ok: true } | ({ ok: false } & PublicError);

export function EmergencyAccessForm({ open }: { open: (input: TOpenEmergencyAccessInput) => Promise<Result | undefined> }) {
  const { register, handleSubmit, getValues, setError, formState } = useForm<TOpenEmergencyAccessInput, unknown, z.output<typeof ZOpenEmergencyAccessSchema>>({
    resolver: zodResolver(ZOpenEmergencyAccessSchema),
    defaultValues: { patient: "", reason: "" },
  });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      setFailure(null);
      // On success the action goes to the patient's records; it returns only on failure.
      const result = await open(getValues());
      if (!result || result.ok) return;
      const field = (["patient", "reason"] as const).find((name) => result.fieldErrors?.[name]?.[0]);
      if (field) setError(field, { message: result.fieldErrors![field]![0] });
      else setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Alert tone="info">
        Only when the patient cannot share with you and care cannot wait. You get view-only access to all their records for 4 hours. The patient and the
        administrators are told at once, and your reason is kept with the access log.
      </Alert>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label="Patient email or patient code" autoComplete="off" spellCheck={false} error={formState.errors.patient?.message} {...register("patient")} />
      <ReasonField
        label="Emergency reason"
        hint={`Required, at least ${EMERGENCY_REASON_MIN} characters. Say what the emergency is and why you cannot wait for the patient.`}
        error={formState.errors.reason?.message}
        {...register("reason")}
      />
      <Button type="submit" variant="danger" pending={pending} className="self-start">
        {pending ? null : <ShieldAlert aria-hidden className="size-5" />}
        Open emergency access
      </Button>
    </form>
  );
}
