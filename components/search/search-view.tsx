"use client";
// The search page's form and results: search as you type (debounced, through
// POST /api/search so the text stays out of request URLs), filters, sort, and
// "show more". The page's address follows the criteria so back/forward and
// reloads keep them. Without JavaScript the form posts to openSearchAction.
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SearchX } from "lucide-react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SEARCH_CATEGORY_LABELS, SEARCH_MODALITY_LABELS } from "@/lib/search/labels";
import type { SearchResultItem } from "@/lib/search/search-records";
import { ZSearchSchema } from "@/lib/search/search-schema";
import { openSearchAction } from "./actions";
import { SearchResults } from "./search-results";

export type SearchFormValues = {
  q: string;
  category: string;
  modality: string;
  provider: string;
  from: string;
  to: string;
  patient: string;
  archived: boolean;
  sort: "relevance" | "date";
};

export interface SearchState {
  searched: boolean;
  hits: SearchResultItem[];
  total: number;
  hasMore: boolean;
  page: number;
  error: string | null;
}

const DEBOUNCE_MS = 250;
const inputClass = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900";

function toUrlParams(values: SearchFormValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (key === "archived") {
      if (value) params.set("archived", "1");
    } else if (key === "sort") {
      if (value === "date") params.set("sort", "date");
    } else if (typeof value === "string" && value.trim()) params.set(key, value.trim());
  }
  return params;
}

export function SearchView(props: {
  initialValues: SearchFormValues;
  initialState: SearchState;
  providers: string[];
  patients: Array<{ id: string; name: string }>;
}) {
  const { register, control, handleSubmit, formState, setError, clearErrors } = useForm<SearchFormValues, unknown, z.output<typeof ZSearchSchema>>({
    resolver: zodResolver(ZSearchSchema) as never,
    defaultValues: props.initialValues,
    mode: "onChange",
  });
  const values = useWatch({ control }) as SearchFormValues;
  const [state, setState] = useState<SearchState>(props.initialState);
  const [pending, setPending] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const first = useRef(true);

  async function run(criteria: SearchFormValues, page = 1) {
    const parsed = ZSearchSchema.safeParse({ ...criteria, page });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) setError(String(issue.path[0] ?? "q") as keyof SearchFormValues, { message: issue.message });
      return;
    }
    clearErrors();
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPending(true);
    try {
      const response = await fetch("/api/search", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...criteria, page }),
        signal: controller.signal,
      });
      const body = (await response.json().catch(() => ({}))) as Partial<SearchState> & { message?: string };
      if (!response.ok) {
        setState((previous) => ({ ...previous, error: body.message ?? "Search did not work. Please try again." }));
        return;
      }
      setState((previous) => ({
        searched: Boolean(body.searched),
        hits: page > 1 ? [...previous.hits, ...(body.hits ?? [])] : (body.hits ?? []),
        total: body.total ?? 0,
        hasMore: Boolean(body.hasMore),
        page,
        error: null,
      }));
      const query = toUrlParams(criteria).toString();
      window.history.replaceState(null, "", `/search${query ? `?${query}` : ""}`);
    } catch (error) {
      if ((error as Error).name !== "AbortError") setState((previous) => ({ ...previous, error: "Search could not be reached. Check your connection and try again." }));
    } finally {
      if (inFlight.current === controller) setPending(false);
    }
  }

  const serialized = JSON.stringify(values);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void run(JSON.parse(serialized) as SearchFormValues), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // run is stable enough: it reads only refs and setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serialized]);

  const errors = formState.errors;
  return (
    <div className="flex flex-col gap-6">
      <form
        method="post"
        action={openSearchAction}
        onSubmit={(event) => void handleSubmit(() => run(values))(event)}
        role="search"
        className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="search-q" className="font-medium text-slate-800">
            Search your records
          </label>
          <div className="flex gap-2">
            <input
              id="search-q"
              type="search"
              autoComplete="off"
              maxLength={200}
              placeholder="e.g. cholesterol, knee MRI, St. Mary"
              aria-invalid={errors.q ? true : undefined}
              aria-describedby={errors.q ? "search-q-error" : undefined}
              className={inputClass}
              {...register("q")}
            />
            <Button type="submit" pending={pending}>
              Search
            </Button>
          </div>
          {errors.q ? (
            <p id="search-q-error" className="text-sm font-medium text-red-700">
              {errors.q.message}
            </p>
          ) : null}
        </div>
        <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">Filters</legend>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            Category
            <select className={inputClass} {...register("category")}>
              <option value="">Any category</option>
              {Object.entries(SEARCH_CATEGORY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            Imaging type
            <select className={inputClass} {...register("modality")}>
              <option value="">Any</option>
              {Object.entries(SEARCH_MODALITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            Provider or facility
            <input list="search-providers" autoComplete="off" className={inputClass} {...register("provider")} />
            <datalist id="search-providers">
              {props.providers.map((provider) => (
                <option key={provider} value={provider} />
              ))}
            </datalist>
          </label>
          {props.patients.length ? (
            <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
              Patient
              <select className={inputClass} {...register("patient")}>
                <option value="">All my patients</option>
                {props.patients.map((patient) => (
                  <option key={patient.id} value={patient.id}>
                    {patient.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            Date of service from
            <input type="date" className={inputClass} {...register("from")} />
          </label>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            to
            <input type="date" aria-invalid={errors.to ? true : undefined} className={inputClass} {...register("to")} />
            {errors.to ? <span className="text-sm font-medium text-red-700">{errors.to.message}</span> : null}
          </label>
          <label className="flex flex-col gap-1.5 text-sm font-medium text-slate-800">
            Sort by
            <select className={inputClass} {...register("sort")}>
              <option value="relevance">Best match</option>
              <option value="date">Newest date of service</option>
            </select>
          </label>
          <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium text-slate-800">
            <input type="checkbox" value="1" className="size-5" {...register("archived")} />
            Include archived records
          </label>
        </fieldset>
      </form>

      <div aria-live="polite" className="sr-only">
        {pending ? "Searching…" : state.searched ? `${state.total} ${state.total === 1 ? "result" : "results"}` : ""}
      </div>

      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {!state.searched ? (
        <p className="text-slate-600">Type a word from a record (a test, a body part, a clinic, a file name) or choose a filter to see matching records.</p>
      ) : state.hits.length === 0 && !state.error ? (
        <EmptyState icon={SearchX} title="No records match">
          Check the spelling, use fewer or shorter words, or remove a filter. Archived records are only searched when you include them.
        </EmptyState>
      ) : (
        <section aria-label="Results" className="flex flex-col gap-4">
          <p className="text-sm text-slate-600">
            {state.total} {state.total === 1 ? "record" : "records"} found
          </p>
          <SearchResults hits={state.hits} />
          {state.hasMore ? (
            <Button variant="secondary" pending={pending} onClick={() => void run(values, state.page + 1)} className="self-center">
              Show more results
            </Button>
          ) : null}
        </section>
      )}
    </div>
  );
}
