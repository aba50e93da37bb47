"use client";

// A verified clinician asks a patient for access. The answer is the same
// whether or not the patient exists: the form never tells who has an account.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { categoryLabel } from "@/components/records/detail/labels";
import { ReasonField } from "@/components/admin/reason-field";
import { LevelChoices } from "@/components/sharing/level-choices";
import { LEVEL_OPTIONS } from "@/components/sharing/sharing-labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { PublicError } from "@/lib/errors";
import { RecordCategory } from "@/lib/generated/prisma/enums";
import { DEFAULT_GRANT_DAYS, requestAccessSchema, type TRequestAccessInput } from "@/lib/validation/sharing";

type Result = { ok: true } | ({ ok: false } & PublicError);
const FIELDS = ["patient", "reason", "level", "durationDays", "scope", "categories"] as const;
/** The levels in the clinician's words: it is the patient's vault. */
const CLINICIAN_LEVEL_OPTIONS = LEVEL_OPTIONS.map((option) => ({
  ...option,
  explanation: option.explanation.replace("your vault", "their vault").replace("you approve", "the patient approves").replace("your records", "their records"),
}));

export function RequestAccessForm({ maxDays, submit }: { maxDays: number; submit: (input: TRequestAccessInput) => Promise<Result> }) {
  const schema = useMemo(() => requestAccessSchema({ maxDays }), [maxDays]);
  const { register, control, handleSubmit, getValues, reset, setError, formState } = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { patient: "", reason: "", level: "VIEW", durationDays: Math.min(DEFAULT_GRANT_DAYS, maxDays), scope: "ALL", categories: [] },
  });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const errors = formState.errors;
  const scope = useWatch({ control, name: "scope" });

  // Checked here, then the raw values go to the server, which parses them with the same schema.
  const onSubmit = handleSubmit(() =>
    startTransition(async () => {
      setFailure(null);
      setSent(false);
      const values = getValues();
      const result = await submit({ ...values, durationDays: Number(values.durationDays) });
      if (result.ok) {
        setSent(true);
        reset();
        return;
      }
      const field = FIELDS.find((name) => result.fieldErrors?.[name]?.[0]);
      if (field) setError(field, { message: result.fieldErrors![field]![0] });
      else setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {sent ? (
        <Alert tone="success">
          Request sent. If a patient with that email address or code has an account, they are asked to approve or deny it, and you are notified of their answer.
        </Alert>
      ) : null}
      <Field
        label="Patient email or patient code"
        autoComplete="off"
        spellCheck={false}
        hint="The patient finds their code (like MV-7K3Q-9D2P) on their Sharing page."
        error={errors.patient?.message}
        {...register("patient")}
      />
      <ReasonField label="Reason" hint="The patient reads this. Say who you are to them and why you need the records." error={errors.reason?.message} {...register("reason")} />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium text-slate-800">What you ask for</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" value="ALL" className="size-4" {...register("scope")} /> All records
        </label>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" value="CATEGORIES" className="size-4" {...register("scope")} /> Some categories
        </label>
        {scope === "CATEGORIES" ? (
          <div className="grid gap-1 border-l-2 border-accent-200 pl-3 sm:grid-cols-2">
            {Object.values(RecordCategory).map((category) => (
              <label key={category} className="flex min-h-11 items-center gap-3">
                <input type="checkbox" value={category} className="size-4" {...register("categories")} /> {categoryLabel(category)}
              </label>
            ))}
          </div>
        ) : null}
        {errors.scope ? <p className="text-sm font-medium text-red-700">{errors.scope.message}</p> : null}
        {errors.categories ? <p className="text-sm font-medium text-red-700">{errors.categories.message}</p> : null}
      </fieldset>
      <LevelChoices legend="What you would do" options={CLINICIAN_LEVEL_OPTIONS} register={register} error={errors.level?.message} />
      <Field
        label="For how many days"
        type="number"
        inputMode="numeric"
        min={1}
        max={maxDays}
        hint={`At most ${maxDays} days. The patient may allow fewer.`}
        error={errors.durationDays?.message}
        {...register("durationDays")}
      />
      <Button type="submit" pending={pending} className="self-start">
        Send request
      </Button>
    </form>
  );
}
