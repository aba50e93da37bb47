"use client";

// "Propose a change" on the clinician's record page: the record's current
// category, date, tags, body part and provider, editable, plus a note for the
// patient. Only the fields changed are sent, with the version the clinician
// saw; nothing changes on the record until the patient approves.
import { zodResolver } from "@hookform/resolvers/zod";
import { FilePen } from "lucide-react";
import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { useForm } from "react-hook-form";
import { proposeRecordChangeAction } from "@/app/(clinician)/clinician/proposals/actions";
import { CATEGORY_LABELS } from "@/components/records/detail/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/categorization/record-metadata-schema";
import { PROPOSAL_NOTE_MAX, proposalChangesFromForm, proposeFormValues, ZProposeRecordChangeFormSchema, type TProposeRecordChangeForm } from "@/lib/proposals/schemas";

const noSubscription = () => () => {};

export interface ProposeRecordChangeFormProps {
  recordId: string;
  /** Record.version as the page loaded it. */
  version: number;
  category: string | null;
  /** "YYYY-MM-DD" or null. */
  dateOfService: string | null;
  tags: string[];
  bodyPart: string | null;
  sourceProvider: string | null;
  /** Injected in tests; the server action otherwise. */
  submit?: typeof proposeRecordChangeAction;
}

const FIELDS = ["category", "dateOfService", "tags", "bodyPart", "sourceProvider", "note"] as const;

export function ProposeRecordChangeForm({ recordId, version, submit = proposeRecordChangeAction, ...current }: ProposeRecordChangeFormProps) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const id = useId();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const initial = proposeFormValues(current);
  const { register, handleSubmit, formState, reset, setError } = useForm<TProposeRecordChangeForm>({
    resolver: zodResolver(ZProposeRecordChangeFormSchema),
    defaultValues: initial,
  });

  const onSubmit = handleSubmit((values) => {
    setOutcome(null);
    const changes = proposalChangesFromForm(initial, values);
    if (Object.keys(changes).length === 0) {
      setOutcome({ tone: "error", message: "Nothing differs from the record yet. Change at least one field before proposing." });
      return;
    }
    startTransition(async () => {
      const result = await submit({ recordId, baseVersion: version, changes, note: values.note.trim() || undefined });
      if (result.ok) {
        reset(initial);
        setOutcome({ tone: "success", message: "Proposal sent. The patient decides whether to apply it; you will be notified. See it under My proposed changes." });
        return;
      }
      if (result.code === "CONFLICT") {
        setOutcome({ tone: "error", message: "This record changed after you opened it, so your proposal was not sent. Reload the page to see the latest values, then propose again." });
        return;
      }
      let shown = false;
      for (const field of FIELDS) {
        const message = result.fieldErrors?.[field]?.[0];
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
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="flex items-center gap-2 text-lg font-semibold">
          <FilePen aria-hidden className="size-4" /> Propose a change
        </h2>
        <p className="text-slate-600">The patient sees your proposal next to the current values and decides. Nothing changes until they approve.</p>
      </div>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
      <fieldset disabled={!hydrated} className="contents">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-category`} className="font-medium text-slate-800">
            Category
          </label>
          <select
            id={`${id}-category`}
            aria-invalid={errors.category ? true : undefined}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
            {...register("category")}
          >
            {current.category === null ? <option value="">Not sorted yet</option> : null}
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field label="Date of service" type="date" hint="Leave empty if it is unknown." error={errors.dateOfService?.message} {...register("dateOfService")} />
        <Field label="Tags" autoComplete="off" hint={`Separate tags with commas. Up to ${MAX_TAGS} tags of ${MAX_TAG_LENGTH} characters.`} error={errors.tags?.message} {...register("tags")} />
        <Field label="Body part" autoComplete="off" hint="For imaging, e.g. Left knee." error={errors.bodyPart?.message} {...register("bodyPart")} />
        <Field label="Provider" autoComplete="off" hint="The clinic, hospital or lab the record comes from." error={errors.sourceProvider?.message} {...register("sourceProvider")} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-note`} className="font-medium text-slate-800">
            Note for the patient (optional)
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={PROPOSAL_NOTE_MAX}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id}-note-error` : undefined}
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
            {...register("note")}
          />
          {errors.note?.message ? (
            <p id={`${id}-note-error`} className="text-sm font-medium text-red-700">
              {errors.note.message}
            </p>
          ) : null}
        </div>
        <Button type="submit" pending={pending} className="self-start">
          Send proposal
        </Button>
      </fieldset>
    </form>
  );
}
