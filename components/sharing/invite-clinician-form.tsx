"use client";

// "Invite by email", offered when the search finds no verified clinician: the
// clinician's address and the same terms as a share (scope, level, end day),
// checked with the share form's rules and messages. The answer never says
// whether the address has an account: the server's answer is the same.
import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowLeft, Mail } from "lucide-react";
import { useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZInvitationEmailSchema, type TInviteClinicianInput } from "@/lib/validation/sharing";
import { placeServerFieldErrors, shareDayLimits, shareFormSchema, toGrantAccessInput, type ShareActionResult as Result, type TShareForm } from "./share-form-schema";
import { ShareTermsFields, type ShareableRecord } from "./share-terms-fields";

/** The share form's terms plus an address; every message comes from the shared schemas. */
function inviteFormSchema(options: { now: Date; maxDays: number }) {
  const terms = shareFormSchema(options);
  return z
    .object({ email: z.string(), level: z.string(), scope: z.string(), categories: z.array(z.string()), recordIds: z.array(z.string()), endDay: z.string() })
    .superRefine((value, ctx) => {
      const email = ZInvitationEmailSchema.safeParse(value.email);
      if (!email.success) ctx.addIssue({ code: "custom", path: ["email"], message: email.error.issues[0]?.message ?? "Enter a valid email address." });
      // The share form's schema needs a clinician; an invitation has an address instead.
      const checked = terms.safeParse({ ...value, granteeId: "invitation" });
      for (const issue of checked.success ? [] : checked.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    });
}
type TInviteForm = z.input<ReturnType<typeof inviteFormSchema>>;

const FORM_FIELDS = ["email", "level", "scope", "categories", "recordIds", "endDay"] as const;

export interface InviteClinicianFormProps {
  maxDays: number;
  records: readonly ShareableRecord[];
  /** What the patient searched for: taken as the address when it looks like one. */
  initialEmail?: string;
  invite: (input: TInviteClinicianInput) => Promise<Result<{ outcome: "invited" }>>;
  onInvited?: (email: string) => void;
  onBack?: () => void;
  /** Tests fix the clock. */
  now?: Date;
}

export function InviteClinicianForm({ maxDays, records, initialEmail, invite, onInvited, onBack, now: fixedNow }: InviteClinicianFormProps) {
  const [now] = useState(() => fixedNow ?? new Date());
  const limits = useMemo(() => shareDayLimits({ now, maxDays }), [now, maxDays]);
  const schema = useMemo(() => inviteFormSchema({ now, maxDays }), [now, maxDays]);
  const { register, control, handleSubmit, setError, formState } = useForm<TInviteForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      email: initialEmail?.includes("@") ? initialEmail.trim() : "",
      level: "VIEW",
      scope: "ALL",
      categories: [],
      recordIds: [],
      endDay: limits.defaultDay,
    },
  });
  const errors = formState.errors;
  const scope = useWatch({ control, name: "scope" });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      // Checked by the resolver: the level and scope are known values here.
      const shareValues = { ...values, granteeId: "", level: values.level as TShareForm["level"], scope: values.scope as TShareForm["scope"] };
      const terms = toGrantAccessInput(shareValues, { now: new Date(), maxDays });
      const email = values.email.trim().toLowerCase();
      const result = await invite({ email, level: terms.level, scope: terms.scope, categories: terms.categories, recordIds: terms.recordIds, expiresAt: terms.expiresAt });
      if (result.ok) {
        onInvited?.(email);
        return;
      }
      if (!placeServerFieldErrors(result.fieldErrors, FORM_FIELDS, setError)) setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-label="Invite a clinician by email">
      {failure ? <Alert tone="error">{failure}</Alert> : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold">Who to invite</legend>
        <p className="text-slate-700">
          We email them an invitation to join MedVault. Nothing is shared until they have a clinician account with this address and MedVault has checked their
          professional details; then the share below starts by itself. The mail does not say who you are or what you share.
        </p>
        <Field label="Clinician's email address" type="email" autoComplete="off" inputMode="email" error={errors.email?.message} {...register("email")} />
      </fieldset>

      <ShareTermsFields
        register={register}
        errors={errors}
        scope={scope}
        records={records}
        limits={limits}
        endDayHint={`If they join in time, access ends at the end of this day, by itself. At most ${maxDays} days from today; you can cancel the invitation or revoke the share at any time.`}
      />

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        {onBack ? (
          <Button variant="secondary" onClick={onBack} disabled={pending}>
            <ArrowLeft aria-hidden className="size-4" /> Back to search
          </Button>
        ) : null}
        <Button type="submit" pending={pending}>
          {pending ? null : <Mail aria-hidden className="size-4" />}
          Send invitation
        </Button>
      </div>
    </form>
  );
}
