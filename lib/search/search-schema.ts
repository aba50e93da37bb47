// The search input, shared by the search page, its form, the /api/search route
// and searchRecords. Client-safe.
import { z } from "zod";
import { ImagingModality, RecordCategory } from "@/lib/generated/prisma/enums";

export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_TEXT = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const ZDate = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(ISO_DATE, "Use a date like 2024-03-05.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "This is not a valid date.")
    .optional(),
);

export const ZSearchSchema = z
  .object({
    q: z.preprocess((value) => (value == null ? "" : value), z.string().trim().max(MAX_SEARCH_TEXT, `Search for at most ${MAX_SEARCH_TEXT} characters.`)),
    category: z.preprocess(emptyToUndefined, z.enum(RecordCategory, { error: "Choose a category from the list." }).optional()),
    modality: z.preprocess(emptyToUndefined, z.enum(ImagingModality, { error: "Choose an imaging type from the list." }).optional()),
    provider: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
    from: ZDate,
    to: ZDate,
    patient: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(64).optional()),
    archived: z.preprocess((value) => value === true || value === "1" || value === "true", z.boolean()),
    sort: z.preprocess(emptyToUndefined, z.enum(["relevance", "date"]).default("relevance")),
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(1)),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "The start date must be before the end date.", path: ["to"] });

/** What callers pass (form values, query-string values, JSON); every field optional. */
export interface TSearchInput {
  q?: string | null;
  category?: string | null;
  modality?: string | null;
  provider?: string | null;
  from?: string | null;
  to?: string | null;
  patient?: string | null;
  archived?: boolean | string | null;
  sort?: string | null;
  page?: number | string | null;
}
export type TSearchParams = z.output<typeof ZSearchSchema>;

/** Whether there is anything to search for (text or a filter). */
export const hasSearchCriteria = (params: TSearchParams) =>
  Boolean(params.q || params.category || params.modality || params.provider || params.from || params.to || params.patient);
