"use client";

// A pending access request: approve as asked, or narrow it first (fewer
// categories, a lower level, fewer days), or deny. The server refuses any
// widening; the form offers only what narrows.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { categoryLabel } from "@/components/records/detail/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LEVEL_INCLUDES } from "@/lib/authz/grant-rules";
import type { PublicError } from "@/lib/errors";
import { RecordCategory, type GrantLevel } from "@/lib/generated/prisma/enums";
import { ZGrantLevelSchema, type TDecideAccessRequestInput } from "@/lib/validation/sharing";
import { LevelChoices } from "./level-choices";
import { LEVEL_OPTIONS } from "./sharing-labels";

export interface PendingRequestTerms {
  id: string;
  scope: "ALL" | "CATEGORIES" | "RECORDS";
  categories: string[];
  level: GrantLevel;
  durationDays: number;
}

type Result = ({ ok: true } & { outcome: "approved" | "denied" }) | ({ ok: false } & PublicError);
type Decide = (input: { requestId: string; decision: TDecideAccessRequestInput }) => Promise<Result>;

function approvalSchema(request: PendingRequestTerms) {
  return z
    .object({
      scope: z.enum(["ALL", "CATEGORIES"]),
      categories: z.array(z.string()),
      level: ZGrantLevelSchema,
      durationDays: z.coerce
        .number({ error: "Choose for how many days." })
        .int("Choose a whole number of days.")
        .min(1, "Share for at least one day.")
        .max(request.durationDays, `Share for at most the ${request.durationDays} days asked for.`),
    })
    .superRefine((value, ctx) => {
      if (value.scope === "CATEGORIES" && value.categories.length === 0) ctx.addIssue({ code: "custom", path: ["categories"], message: "Choose at least one category." });
      if (value.scope === "ALL" && request.scope !== "ALL") ctx.addIssue({ code: "custom", path: ["scope"], message: "You can share only the categories that were asked for, or fewer." });
    });
}

export function AccessRequestDecision({ request, decide, clinicianName }: { request: PendingRequestTerms; decide: Decide; clinicianName: string }) {
  const schema = useMemo(() => approvalSchema(request), [request]);
  const { register, control, handleSubmit, formState, setError } = useForm<z.input<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { scope: request.scope === "ALL" ? "ALL" : "CATEGORIES", categories: request.categories, level: request.level, durationDays: request.durationDays },
  });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const scope = useWatch({ control, name: "scope" });
  const categoryChoices = request.scope === "ALL" ? Object.values(RecordCategory) : request.categories;
  const levelChoices = LEVEL_OPTIONS.filter((option) => LEVEL_INCLUDES[request.level].includes(option.value));
  const errors = formState.errors;

  const send = (decision: TDecideAccessRequestInput) =>
    startTransition(async () => {
      setFailure(null);
      const result = await decide({ requestId: request.id, decision });
      if (result.ok) return;
      const fields = ["scope", "categories", "level", "durationDays"] as const;
      const field = fields.find((name) => result.fieldErrors?.[name]?.[0]);
      if (field) setError(field, { message: result.fieldErrors![field]![0] });
      else setFailure(result.message);
    });

  const approve = handleSubmit((values) =>
    send({
      decision: "approve",
      level: values.level,
      durationDays: Number(values.durationDays),
      scope: values.scope,
      categories: values.scope === "CATEGORIES" ? (values.categories as RecordCategory[]) : [],
    }),
  );

  return (
    <form method="post" onSubmit={approve} noValidate className="flex flex-col gap-4" aria-label={`Answer ${clinicianName}`}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-medium text-accent-800">Share less than asked</summary>
        <div className="mt-3 flex flex-col gap-4">
          {request.scope === "ALL" ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="font-medium text-slate-800">What to share</legend>
              <label className="flex min-h-11 items-center gap-3">
                <input type="radio" value="ALL" className="size-4" {...register("scope")} /> Everything, as asked
              </label>
              <label className="flex min-h-11 items-center gap-3">
                <input type="radio" value="CATEGORIES" className="size-4" {...register("scope")} /> Only some categories
              </label>
              {errors.scope ? <p className="text-sm font-medium text-red-700">{errors.scope.message}</p> : null}
            </fieldset>
          ) : null}
          {scope === "CATEGORIES" ? (
            <fieldset className="flex flex-col gap-1">
              <legend className="font-medium text-slate-800">Categories</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {categoryChoices.map((category) => (
                  <label key={category} className="flex min-h-11 items-center gap-3">
                    <input type="checkbox" value={category} className="size-4" {...register("categories")} /> {categoryLabel(category)}
                  </label>
                ))}
              </div>
              {errors.categories ? <p className="text-sm font-medium text-red-700">{errors.categories.message}</p> : null}
            </fieldset>
          ) : null}
          <LevelChoices legend="What they may do" options={levelChoices} register={register} error={errors.level?.message} />
          <Field
            label="For how many days"
            type="number"
            inputMode="numeric"
            min={1}
            max={request.durationDays}
            hint={`At most the ${request.durationDays} days asked for.`}
            error={errors.durationDays?.message}
            {...register("durationDays")}
          />
        </div>
      </details>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" pending={pending}>
          Approve
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => send({ decision: "deny" })}>
          Deny
        </Button>
      </div>
    </form>
  );
}
