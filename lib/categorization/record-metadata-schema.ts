// What a user may correct about a record's categorization: category, date of
// service and tags. Shared by the correction form, its server action and
// correctRecordMetadata.
import { z } from "zod";
import { ZEntityIdSchema } from "@/lib/validation/ids";
import { ImagingModality, RecordCategory } from "@/lib/generated/prisma/enums";
import { isoFromParts, isPlausibleServiceDate } from "./rules/calendar";

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export const ZRecordCategorySchema = z.enum(RecordCategory, { error: "Choose one of the categories." });
export const ZImagingModalitySchema = z.enum(ImagingModality);

/** "YYYY-MM-DD", a real date, not in the future and not before 1900. */
export const ZServiceDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2024-03-05." })
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number);
    const date = isoFromParts(year!, month!, day!);
    return Boolean(date && isPlausibleServiceDate(date, new Date()));
  }, { error: "Use a real date that is not in the future." });

const CONTROL = /[\p{Cc}\p{Cf}]/u;

export const ZTagsSchema = z
  .array(
    z
      .string()
      .transform((tag) => tag.normalize("NFC").replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .min(1, { error: "A tag cannot be empty." })
          .max(MAX_TAG_LENGTH, { error: `A tag has at most ${MAX_TAG_LENGTH} characters.` })
          .refine((tag) => !CONTROL.test(tag), { error: "A tag cannot contain control characters." }),
      ),
  )
  .max(MAX_TAGS, { error: `At most ${MAX_TAGS} tags.` })
  // The same tag twice (in any letter case) is kept once, first spelling wins.
  .transform((tags) => tags.filter((tag, index) => tags.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index));

export const ZRecordMetadataChangesSchema = z
  .object({
    category: ZRecordCategorySchema.optional(),
    /** null: "the date is unknown", which is a correction too. */
    dateOfService: ZServiceDateSchema.nullable().optional(),
    tags: ZTagsSchema.optional(),
  })
  .strict()
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { error: "Change at least one field." });

export const ZCorrectRecordMetadataSchema = z.object({
  recordId: ZEntityIdSchema,
  expectedVersion: z.number().int().min(1),
  changes: ZRecordMetadataChangesSchema,
});

export type TRecordMetadataChanges = z.input<typeof ZRecordMetadataChangesSchema>;
