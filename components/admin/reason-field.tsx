import { useId, type Ref, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

type ReasonFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string; ref?: Ref<HTMLTextAreaElement> };

/** A labelled multi-line field whose hint and error are announced with it. */
export function ReasonField({ label, hint, error, className, id, ...textarea }: ReasonFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={fieldId} className="font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={fieldId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn("rounded-lg border bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500", error ? "border-red-700" : "border-slate-300")}
        {...textarea}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
