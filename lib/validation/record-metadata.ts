// The "correct category, date and tags" form on the record page and its server
// action. The rules for each value (real past date, tag limits, known category)
// are the categorization module's (ZCorrectRecordMetadataSchema), so the form,
// the action and correctRecordMetadata can never disagree; this file only adds
// the shape of the form (strings from inputs) and what counts as a change.
import { z } from "zod";
import { RecordCategory } from "@/lib/generated/prisma/enums";
import { MAX_TAGS, ZCorrectRecordMetadataSchema, ZServiceDateSchema, ZTagsSchema, type TRecordMetadataChanges } from "@/lib/categorization/record-metadata-schema";

export { MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/categorization/record-metadata-schema";

const CATEGORIES = Object.values(RecordCategory) as string[];

/** Tags as typed: separated by commas (one text field works on every phone keyboard). */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "This value is not valid.";
}

/**
 * What the form holds: strings, as inputs give them. `category` "" means "not
 * decided yet" (categorization still running); `dateOfService` "" means unknown.
 */
export const ZRecordMetadataFormSchema = z.object({
  category: z.string().refine((value) => value === "" || CATEGORIES.includes(value), { error: "Choose one of the categories." }),
  dateOfService: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === "") return;
      const parsed = ZServiceDateSchema.safeParse(value);
      if (!parsed.success) ctx.addIssue({ code: "custom", message: firstMessage(parsed.error) });
    }),
  tags: z.string().superRefine((value, ctx) => {
    const tags = splitTags(value);
    if (tags.length > MAX_TAGS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_TAGS} tags.` });
      return;
    }
    const parsed = ZTagsSchema.safeParse(tags);
    if (!parsed.success) {
      const index = parsed.error.issues[0]?.path[0];
      const tag = typeof index === "number" ? tags[index] : undefined;
      ctx.addIssue({ code: "custom", message: tag ? `“${tag}”: ${firstMessage(parsed.error)}` : firstMessage(parsed.error) });
    }
  }),
});
export type TRecordMetadataForm = z.infer<typeof ZRecordMetadataFormSchema>;

/** The form's starting values for a record. */
export function recordMetadataFormValues(record: { category: string | null; dateOfService: string | null; tags: readonly string[] }): TRecordMetadataForm {
  return { category: record.category ?? "", dateOfService: record.dateOfService ?? "", tags: record.tags.join(", ") };
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * Only the fields the user actually changed: each one sent becomes a corrected
 * field that automatic categorization never touches again, so an untouched
 * value must not be sent. Empty when nothing changed.
 */
export function metadataChanges(initial: TRecordMetadataForm, values: TRecordMetadataForm): TRecordMetadataChanges {
  const changes: TRecordMetadataChanges = {};
  if (values.category !== initial.category && values.category !== "") changes.category = values.category as RecordCategory;
  const date = values.dateOfService.trim();
  if (date !== initial.dateOfService.trim()) changes.dateOfService = date === "" ? null : date;
  const tags = splitTags(values.tags);
  if (!sameTags(tags, splitTags(initial.tags))) changes.tags = tags;
  return changes;
}

/** What the server action accepts: the record, the version the user saw, and the changes. */
export const ZCorrectRecordMetadataActionSchema = ZCorrectRecordMetadataSchema;
export type TCorrectRecordMetadataActionInput = z.input<typeof ZCorrectRecordMetadataActionSchema>;
