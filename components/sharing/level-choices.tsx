"use client";

// The compact grant-level picker of an access request: the clinician asks for a
// level (request-access-form), the patient may approve it or a lower one
// (access-request-decision). Each caller chooses the options and their words.
import type { UseFormRegisterReturn } from "react-hook-form";
import type { GrantLevel } from "@/lib/generated/prisma/enums";

export interface LevelChoicesProps {
  legend: string;
  options: readonly { value: GrantLevel; label: string; explanation: string }[];
  register: (name: "level") => UseFormRegisterReturn;
  error?: string;
}

export function LevelChoices({ legend, options, register, error }: LevelChoicesProps) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="font-medium text-slate-800">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex min-h-11 items-start gap-3 py-1">
          <input type="radio" value={option.value} className="mt-1 size-4" {...register("level")} />
          <span>
            <span className="block">{option.label}</span>
            <span className="block text-sm text-slate-600">{option.explanation}</span>
          </span>
        </label>
      ))}
      {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
