"use client";

// Add, edit or propose one entry of a kind. The kind's zod schema
// (lib/validation/health.ts) checks the form in the browser and again on the
// server; this form only lays the fields out. Phone-first: one column, native
// date and select inputs, numeric keyboards for numbers.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useSyncExternalStore, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import type { HealthEntryKind } from "@/lib/generated/prisma/enums";
import { HEALTH_DATA_SCHEMAS, vitalUnits, type VitalType } from "@/lib/validation/health";
import { HEALTH_FIELDS, healthFormValues, type HealthField, type HealthFormValues } from "./health-fields";

export type HealthFormResult = { ok: true } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export const CONFLICT_MESSAGE = "This entry was changed somewhere else after you opened it, so your change was not saved. Reload to see the latest version, then make your change again.";

interface HealthEntryFormProps {
  kind: HealthEntryKind;
  /** The entry's current data (edit and propose-change); none for a new entry. */
  initialData?: Record<string, unknown> | null;
  submitLabel: string;
  /** Called with the parsed data (and the note when `withNote`). */
  submit: (data: Record<string, unknown>, note?: string) => Promise<HealthFormResult>;
  /** Where to go after saving, and on "Cancel". */
  doneHref: string;
  successMessage?: string;
  /** A note to the patient (clinicians' proposals). */
  withNote?: boolean;
}

const noSubscription = () => () => {};
const inputClass = "min-h-11 rounded-lg border bg-white px-3 py-2 text-base text-slate-900";

export function HealthEntryForm({ kind, initialData, submitLabel, submit, doneHref, successMessage = "Saved.", withNote = false }: HealthEntryFormProps) {
  const router = useRouter();
  const formId = useId();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string; conflict?: boolean } | null>(null);
  const [note, setNote] = useState("");
  const { register, handleSubmit, formState, setError, control, setValue, getValues } = useForm<HealthFormValues>({
    resolver: zodResolver(HEALTH_DATA_SCHEMAS[kind]) as unknown as Resolver<HealthFormValues>,
    defaultValues: healthFormValues(kind, initialData),
  });

  // Vital signs: the unit follows the measurement, and only blood pressure has a second value.
  const watchedType = useWatch({ control, name: "type" });
  const vitalType = kind === "VITAL_SIGN" ? (watchedType as VitalType) : null;
  useEffect(() => {
    if (!vitalType) return;
    const units = vitalUnits(vitalType);
    if (!units.includes(getValues("unit"))) setValue("unit", units[0] ?? "");
    if (vitalType !== "blood-pressure") setValue("diastolic", "");
  }, [vitalType, getValues, setValue]);

  const onSubmit = handleSubmit((data) => {
    setOutcome(null);
    startTransition(async () => {
      const result = await submit(data as Record<string, unknown>, withNote ? note : undefined);
      if (result.ok) {
        setOutcome({ tone: "success", message: successMessage });
        router.push(doneHref);
        router.refresh();
        return;
      }
      if (result.code === "CONFLICT") {
        setOutcome({ tone: "error", message: result.message === "That was changed by someone else. Reload and try again." ? CONFLICT_MESSAGE : result.message, conflict: true });
        return;
      }
      let shown = false;
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages[0] && HEALTH_FIELDS[kind].some((f) => f.name === field)) {
          setError(field, { message: messages[0] });
          shown = true;
        }
      }
      if (!shown) setOutcome({ tone: "error", message: result.message });
    });
  });

  const errors = formState.errors;
  const fields = HEALTH_FIELDS[kind].filter((field) => !(field.name === "diastolic" && vitalType !== "blood-pressure"));

  const renderField = (field: HealthField) => {
    const error = errors[field.name]?.message;
    const label = field.name === "value" && vitalType === "blood-pressure" ? "Systolic (upper) value" : field.label;
    const shownLabel = field.required ? label : `${label} (optional)`;
    if (field.type === "select" || field.type === "textarea") {
      const id = `${formId}-${field.name}`;
      const describedBy = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
      const options = field.name === "unit" && vitalType ? vitalUnits(vitalType).map((unit) => ({ value: unit, label: unit })) : (field.options ?? []);
      return (
        <div key={field.name} className="flex flex-col gap-1.5">
          <label htmlFor={id} className="font-medium text-slate-800">
            {shownLabel}
          </label>
          {field.type === "select" ? (
            <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${inputClass} ${error ? "border-red-700" : "border-slate-300"}`} {...register(field.name)}>
              {field.required ? (
                <option value="" disabled>
                  Choose…
                </option>
              ) : (
                <option value="">Not set</option>
              )}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${inputClass} ${error ? "border-red-700" : "border-slate-300"}`} {...register(field.name)} />
          )}
          {field.hint ? (
            <p id={`${id}-hint`} className="text-sm text-slate-600">
              {field.hint}
            </p>
          ) : null}
          {error ? (
            <p id={`${id}-error`} className="text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </div>
      );
    }
    return (
      <Field
        key={field.name}
        label={shownLabel}
        // Numbers are typed as text with a numeric keyboard: "36,6" works and nothing is silently rounded.
        type={field.type === "date" ? "date" : "text"}
        inputMode={field.inputMode}
        autoComplete={field.autoComplete}
        hint={field.hint}
        error={error}
        {...register(field.name)}
      />
    );
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {outcome ? (
        <div className="flex flex-col items-start gap-2">
          <Alert tone={outcome.tone}>{outcome.message}</Alert>
          {outcome.conflict ? (
            <Button variant="secondary" onClick={() => window.location.reload()}>
              Reload the latest version
            </Button>
          ) : null}
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? <p className="sr-only" role="alert">Some of the information needs a change. See the messages below each field.</p> : null}
      <fieldset disabled={!hydrated} className="contents">
        {fields.map(renderField)}
        {withNote ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`${formId}-note`} className="font-medium text-slate-800">
              Note to the patient (optional)
            </label>
            <textarea id={`${formId}-note`} name="note" rows={3} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} className={`${inputClass} border-slate-300`} />
          </div>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row">
          <ButtonLink href={doneHref} variant="secondary">
            Cancel
          </ButtonLink>
          <Button type="submit" pending={pending}>
            {submitLabel}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
