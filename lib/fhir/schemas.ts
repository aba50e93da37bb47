// The boundaries of the FHIR import and API: what a caller may send.
import { z } from "zod";

/** The outer shape of an uploaded Bundle; each resource is then checked by the structural validator. */
export const ZImportBundleSchema = z.object(
  {
    resourceType: z.literal("Bundle", { error: "This file is not a FHIR Bundle." }),
    type: z.string({ error: "This Bundle has no type." }),
    entry: z
      .array(z.object({ fullUrl: z.string().optional(), resource: z.record(z.string(), z.unknown()).optional() }).loose(), { error: "This Bundle has no entries." })
      .max(20_000, "This Bundle has more than 20,000 entries; split it into smaller files.")
      .optional(),
  },
  { error: "This file is not a FHIR Bundle." },
).loose();

export const ZImportModeSchema = z.enum(["preview", "import"], { error: "Say whether to preview or import." });

/** FHIR ids: letters, digits, "-" and ".", up to 64 characters. */
export const ZFhirIdSchema = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, "Not a FHIR id.");

/** Search result pages: `_count` results from `_offset` (what the Bundle's next/previous links carry). */
export const FHIR_PAGE_DEFAULT = 100;
export const FHIR_PAGE_MAX = 1000;
const wholeNumber = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}.`;
  return z.string().regex(/^\d{1,7}$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
};
export const ZFhirPageSchema = z.object({
  count: wholeNumber("_count", 1, FHIR_PAGE_MAX).default(FHIR_PAGE_DEFAULT),
  offset: wholeNumber("_offset", 0, 1_000_000).default(0),
});
