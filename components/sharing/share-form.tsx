"use client";

// The share form: find a verified clinician, then what to share, what they may
// do with it and until when. Checked in the browser with the server's rules
// and messages; the server checks everything again (levels, limits, records).
import { zodResolver } from "@hookform/resolvers/zod";
import { Search } from "lucide-react";
import { useId, useMemo, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TGrantAccessInput } from "@/lib/validation/sharing";
import { placeServerFieldErrors, shareDayLimits, shareFormSchema, toGrantAccessInput, type ShareActionResult as Result, type TShareForm } from "./share-form-schema";
import { ShareTermsFields, type ShareableRecord } from "./share-terms-fields";
import { roleLabel } from "./sharing-labels";

export type { ShareableRecord } from "./share-terms-fields";

export interface ShareableClinician {
  id: string;
  name: string | null;
  role: string;
  specialty: string;
  organization: string;
}

export interface ShareFormProps {
  maxDays: number;
  /** The patient's records, for "Chosen records". */
  records: readonly ShareableRecord[];
  findClinicians: (input: { query: string }) => Promise<Result<{ clinicians: ShareableClinician[] }>>;
  share: (input: TGrantAccessInput) => Promise<Result<{ outcome: "created" | "updated" }>>;
  onShared?: (clinician: ShareableClinician | undefined) => void;
  /** Offered when the search finds nobody: invite the clinician by email instead (with what was searched for). */
  onInvite?: (query: string) => void;
  /** Tests fix the clock. */
  now?: Date;
}

const FORM_FIELDS = ["granteeId", "level", "scope", "categories", "recordIds", "endDay"] as const;

export function ShareForm({ maxDays, records, findClinicians, share, onShared, onInvite, now: fixedNow }: ShareFormProps) {
  const [now] = useState(() => fixedNow ?? new Date());
  const limits = useMemo(() => shareDayLimits({ now, maxDays }), [now, maxDays]);
  const schema = useMemo(() => shareFormSchema({ now, maxDays }), [now, maxDays]);
  const { register, control, handleSubmit, setValue, setError, formState } = useForm<TShareForm>({
    resolver: zodResolver(schema),
    defaultValues: { granteeId: "", level: "VIEW", scope: "ALL", categories: [], recordIds: [], endDay: limits.defaultDay },
  });
  const errors = formState.errors;
  const ids = { query: useId(), results: useId() };

  const [query, setQuery] = useState("");
  const [searching, startSearch] = useTransition();
  const [found, setFound] = useState<ShareableClinician[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const scope = useWatch({ control, name: "scope" });
  const granteeId = useWatch({ control, name: "granteeId" });

  const search = () =>
    startSearch(async () => {
      setSearchError(null);
      if (query.trim().length < 2) {
        setSearchError("Type at least 2 characters of a name, email address or organization.");
        return;
      }
      const result = await findClinicians({ query: query.trim() });
      if (!result.ok) {
        setSearchError(result.message);
        return;
      }
      setFound(result.clinicians);
      // Keep the choice only if it is still in the list.
      if (!result.clinicians.some((clinician) => clinician.id === granteeId)) setValue("granteeId", "");
    });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await share(toGrantAccessInput(values, { now: new Date(), maxDays }));
      if (result.ok) {
        onShared?.(found?.find((clinician) => clinician.id === values.granteeId));
        return;
      }
      if (!placeServerFieldErrors(result.fieldErrors, FORM_FIELDS, setError)) setFailure(result.message);
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {failure ? <Alert tone="error">{failure}</Alert> : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-base font-semibold">Who to share with</legend>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.query} className="font-medium text-slate-800">
            Find a clinician
          </label>
          <div className="flex gap-2">
            <input
              id={ids.query}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  search();
                }
              }}
              aria-describedby={`${ids.query}-hint`}
              className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
            />
            <Button variant="secondary" onClick={search} pending={searching}>
              {searching ? null : <Search aria-hidden className="size-4" />}
              Search
            </Button>
          </div>
          <p id={`${ids.query}-hint`} className="text-sm text-slate-600">
            A name, an organization, or their exact email address. Only clinicians checked by MedVault are listed.
          </p>
          {searchError ? <p className="text-sm font-medium text-red-700">{searchError}</p> : null}
        </div>

        {found === null ? null : found.length === 0 ? (
          <div className="flex flex-col gap-3 rounded-lg bg-slate-100 p-3">
            <p role="status" className="text-slate-700">
              No verified clinician matches. Check the spelling, or ask them for the email address they use on MedVault.
            </p>
            {onInvite ? (
              <Button variant="secondary" className="self-start" onClick={() => onInvite(query.trim())}>
                Invite by email
              </Button>
            ) : null}
          </div>
        ) : (
          <div role="radiogroup" aria-labelledby={ids.results} aria-describedby={errors.granteeId ? `${ids.results}-error` : undefined} className="flex flex-col gap-2">
            <p id={ids.results} className="font-medium text-slate-800">
              Choose the clinician
            </p>
            {found.map((clinician) => (
              <label key={clinician.id} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50">
                <input type="radio" value={clinician.id} className="mt-1 size-4" {...register("granteeId")} />
                <span>
                  <span className="block font-semibold">{clinician.name ?? "Unnamed clinician"}</span>
                  <span className="block text-sm text-slate-600">
                    {roleLabel(clinician.role)} · {clinician.specialty} · {clinician.organization}
                  </span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.granteeId ? (
          <p id={`${ids.results}-error`} className="text-sm font-medium text-red-700">
            {errors.granteeId.message}
          </p>
        ) : null}
      </fieldset>

      <ShareTermsFields
        register={register}
        errors={errors}
        scope={scope}
        records={records}
        limits={limits}
        endDayHint={`Access ends at the end of this day, by itself. At most ${maxDays} days from today; you can revoke it sooner at any time.`}
      />

      <Button type="submit" pending={pending}>
        Share
      </Button>
    </form>
  );
}
