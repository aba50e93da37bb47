"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useSyncExternalStore, useTransition } from "react";
import { useForm } from "react-hook-form";
import { correctRecordMetadataAction } from "@/app/(patient)/patient/records/[recordId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  MAX_TAG_LENGTH,
  MAX_TAGS,
  metadataChanges,
  recordMetadataFormValues,
  ZRecordMetadataFormSchema,
  type TRecordMetadataForm,
} from "@/lib/validation/record-metadata";
import { CATEGORY_LABELS } from "./labels";
import { useRecordVersion } from "./record-version";

const noSubscription = () => () => {};

export const CONFLICT_MESSAGE =
  "This record was changed somewhere else (another tab or device) after you opened it, so your correction was not saved. Reload to see the latest version, then make your change again.";

interface MetadataFormProps {
  recordId: string;
  category: string | null;
  dateOfService: string | null;
  tags: string[];
  /** Injected in tests; the server action otherwise. */
  submit?: typeof correctRecordMetadataAction;
}

/** Correct the category, date of service and tags; only the fields changed are sent (and then stay as set). */
export function MetadataForm({ recordId, category, dateOfService, tags, submit = correctRecordMetadataAction }: MetadataFormProps) {
  const router = useRouter();
  const { version, setVersion } = useRecordVersion();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string; conflict?: boolean } | null>(null);
  const categoryId = useId();
  // Until React has hydrated, changes would be lost and a native submit would put the values in the URL.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const fromServer = recordMetadataFormValues({ category, dateOfService, tags });
  const initialKey = JSON.stringify(fromServer);
  // What we saved last, until the server's values (after the refresh) replace it.
  const [saved, setSaved] = useState<{ forKey: string; values: TRecordMetadataForm } | null>(null);
  const initial = saved && saved.forKey === initialKey ? saved.values : fromServer;
  const { register, handleSubmit, formState, reset, setError } = useForm<TRecordMetadataForm>({
    resolver: zodResolver(ZRecordMetadataFormSchema),
    defaultValues: initial,
  });

  // New values from the server (after a save or a reload) become the new starting point, unless the user is mid-edit.
  useEffect(() => {
    if (!formState.isDirty) reset(JSON.parse(initialKey) as TRecordMetadataForm);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's values change
  }, [initialKey]);

  const onSubmit = handleSubmit((values) => {
    setOutcome(null);
    const changes = metadataChanges(initial, values);
    if (Object.keys(changes).length === 0) {
      setOutcome({ tone: "error", message: "Nothing has changed yet. Change the category, date or tags first." });
      return;
    }
    startTransition(async () => {
      const result = await submit({ recordId, expectedVersion: version, changes });
      if (result.ok) {
        setVersion(result.version);
        setSaved({ forKey: initialKey, values });
        reset(values);
        setOutcome({ tone: "success", message: "Saved. Automatic sorting will keep what you set." });
        router.refresh();
        return;
      }
      if (result.code === "CONFLICT") {
        setOutcome({ tone: "error", message: CONFLICT_MESSAGE, conflict: true });
        return;
      }
      const fieldErrors = result.fieldErrors ?? {};
      let shown = false;
      for (const field of ["category", "dateOfService", "tags"] as const) {
        const message = fieldErrors[field]?.[0];
        if (message) {
          setError(field, { message });
          shown = true;
        }
      }
      if (!shown) setOutcome({ tone: "error", message: result.message });
    });
  });

  const errors = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby={`${categoryId}-title`}>
      <h2 id={`${categoryId}-title`} className="flex items-center gap-2 text-lg font-semibold">
        <Pencil aria-hidden className="size-4" /> Correct the details
      </h2>
      {outcome ? (
        <div className="flex flex-col items-start gap-2">
          <Alert tone={outcome.tone}>{outcome.message}</Alert>
          {outcome.conflict ? (
            <Button
              variant="secondary"
              onClick={() => {
                setOutcome(null);
                reset(initial);
                router.refresh();
              }}
            >
              Reload the latest version
            </Button>
          ) : null}
        </div>
      ) : null}

      <fieldset disabled={!hydrated} className="contents">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={categoryId} className="font-medium text-slate-800">
            Category
          </label>
          <select
            id={categoryId}
            aria-invalid={errors.category ? true : undefined}
            aria-describedby={errors.category ? `${categoryId}-error` : undefined}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
            {...register("category")}
          >
            {category === null ? <option value="">Not sorted yet</option> : null}
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {errors.category?.message ? (
            <p id={`${categoryId}-error`} className="text-sm font-medium text-red-700">
              {errors.category.message}
            </p>
          ) : null}
        </div>

        <Field label="Date of service" type="date" hint="The day of the visit, test or scan. Leave empty if you do not know it." error={errors.dateOfService?.message} {...register("dateOfService")} />
        <Field
          label="Tags"
          autoComplete="off"
          placeholder="e.g. cardiology, follow-up"
          hint={`Separate tags with commas. Up to ${MAX_TAGS} tags of ${MAX_TAG_LENGTH} characters.`}
          error={errors.tags?.message}
          {...register("tags")}
        />
        <Button type="submit" variant="secondary" pending={pending} className="self-start">
          Save corrections
        </Button>
      </fieldset>
    </form>
  );
}
