"use client";

// The terms of a share (what to share, what they may do, until when), used by
// the share form and the invitation form. Each form owns its react-hook-form
// state and passes in what these fields need.
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { categoryLabel } from "@/components/records/detail/labels";
import { Field } from "@/components/ui/field";
import { RecordCategory } from "@/lib/generated/prisma/enums";
import { LEVEL_OPTIONS, SCOPE_OPTIONS } from "./sharing-labels";

export interface ShareableRecord {
  id: string;
  name: string;
  category: string | null;
}

export type ShareTermsField = "level" | "scope" | "categories" | "recordIds" | "endDay";

export interface ShareTermsFieldsProps {
  register: (name: ShareTermsField) => UseFormRegisterReturn;
  errors: Partial<Record<ShareTermsField, { message?: string }>>;
  /** The chosen scope (watched by the form). */
  scope: string | undefined;
  /** The patient's records, for "Chosen records". */
  records: readonly ShareableRecord[];
  /** The first and last day the end date accepts. */
  limits: { min: string; max: string };
  endDayHint: string;
}

export function ShareTermsFields({ register, errors, scope, records, limits, endDayHint }: ShareTermsFieldsProps) {
  const ids = { scopeError: useId(), levelError: useId() };
  return (
    <>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.scope ? ids.scopeError : undefined}>
        <legend className="mb-1 text-base font-semibold">What to share</legend>
        {SCOPE_OPTIONS.map((option) => (
          <label key={option.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50">
            <input type="radio" value={option.value} className="mt-1 size-4" {...register("scope")} />
            <span>
              <span className="block font-semibold">{option.label}</span>
              <span className="block text-sm text-slate-600">{option.explanation}</span>
            </span>
          </label>
        ))}
        {errors.scope ? (
          <p id={ids.scopeError} className="text-sm font-medium text-red-700">
            {errors.scope.message}
          </p>
        ) : null}

        {scope === "CATEGORIES" ? (
          <fieldset className="ml-1 mt-1 flex flex-col gap-1 border-l-2 border-accent-200 pl-3">
            <legend className="font-medium text-slate-800">Categories</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {Object.values(RecordCategory).map((category) => (
                <label key={category} className="flex min-h-11 cursor-pointer items-center gap-3">
                  <input type="checkbox" value={category} className="size-4" {...register("categories")} />
                  {categoryLabel(category)}
                </label>
              ))}
            </div>
            {errors.categories ? <p className="text-sm font-medium text-red-700">{errors.categories.message}</p> : null}
          </fieldset>
        ) : null}

        {scope === "RECORDS" ? (
          <fieldset className="ml-1 mt-1 flex flex-col gap-1 border-l-2 border-accent-200 pl-3">
            <legend className="font-medium text-slate-800">Records</legend>
            {records.length === 0 ? (
              <p className="text-slate-600">You have no records yet. Upload some first, or share everything or categories.</p>
            ) : (
              <div className="flex max-h-64 flex-col gap-1 overflow-y-auto">
                {records.map((record) => (
                  <label key={record.id} className="flex min-h-11 cursor-pointer items-center gap-3">
                    <input type="checkbox" value={record.id} className="size-4 shrink-0" {...register("recordIds")} />
                    <span className="min-w-0 break-words">
                      {record.name} <span className="text-sm text-slate-600">({categoryLabel(record.category)})</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {errors.recordIds ? <p className="text-sm font-medium text-red-700">{errors.recordIds.message}</p> : null}
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-2" aria-describedby={errors.level ? ids.levelError : undefined}>
        <legend className="mb-1 text-base font-semibold">What they may do</legend>
        {LEVEL_OPTIONS.map((option) => (
          <label key={option.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50">
            <input type="radio" value={option.value} className="mt-1 size-4" {...register("level")} />
            <span>
              <span className="block font-semibold">{option.label}</span>
              <span className="block text-sm text-slate-600">{option.explanation}</span>
            </span>
          </label>
        ))}
        {errors.level ? (
          <p id={ids.levelError} className="text-sm font-medium text-red-700">
            {errors.level.message}
          </p>
        ) : null}
      </fieldset>

      <Field label="Share until" type="date" min={limits.min} max={limits.max} hint={endDayHint} error={errors.endDay?.message} {...register("endDay")} />
    </>
  );
}
