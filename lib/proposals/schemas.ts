// Input shapes for edit proposals, shared by the clinician's "Propose a change"
// form (browser), its server action and lib/proposals. Client-safe. The value
// rules are the record correction's (lib/categorization/record-metadata-schema),
// so a proposal can only ever hold what the patient could have set themselves.
import { z } from "zod";
import { ZEntityIdSchema } from "@/lib/validation/ids";
import { MAX_TAG_LENGTH, MAX_TAGS, ZRecordCategorySchema, ZServiceDateSchema, ZTagsSchema } from "@/lib/categorization/record-metadata-schema";
import { splitTags } from "@/lib/validation/record-metadata";

export const PROPOSAL_NOTE_MAX = 1000;
export const BODY_PART_MAX = 80;
export const PROVIDER_MAX = 200;

const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** A short free text, or null to clear it ("" clears too). */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, `Use at most ${max} characters for the ${label}.`).refine((value) => !CONTROL.test(value), `The ${label} cannot contain control characters.`))
    .transform((value) => (value === "" ? null : value))
    .nullable();

export const RECORD_PROPOSAL_FIELDS = ["category", "dateOfService", "tags", "bodyPart", "sourceProvider"] as const;
export type RecordProposalField = (typeof RECORD_PROPOSAL_FIELDS)[number];

export const ZRecordProposalChangesSchema = z
  .object({
    category: ZRecordCategorySchema.optional(),
    dateOfService: ZServiceDateSchema.nullable().optional(),
    tags: ZTagsSchema.optional(),
    bodyPart: optionalText(BODY_PART_MAX, "body part").optional(),
    sourceProvider: optionalText(PROVIDER_MAX, "provider").optional(),
  })
  .strict()
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { error: "Change at least one field." });
export type TRecordProposalChanges = z.output<typeof ZRecordProposalChangesSchema>;

const ZId = ZEntityIdSchema;

export const ZCreateRecordMetadataProposalSchema = z.object({
  recordId: ZId,
  /** The record version the clinician saw: the proposal is refused if it already changed. */
  baseVersion: z.number().int().min(1),
  changes: ZRecordProposalChangesSchema,
  note: z
    .string()
    .trim()
    .max(PROPOSAL_NOTE_MAX, `Use at most ${PROPOSAL_NOTE_MAX} characters for the note.`)
    .optional()
    .transform((value) => (value ? value : null)),
});
export type TCreateRecordMetadataProposalInput = z.input<typeof ZCreateRecordMetadataProposalSchema>;

export const ZDecideProposalSchema = z.object({
  proposalId: ZId,
  decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
});
export type TDecideProposalInput = z.input<typeof ZDecideProposalSchema>;

export const ZProposalListQuerySchema = z.object({
  status: z.enum(["pending", "decided", "all"]).catch("pending").default("pending"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TProposalListQuery = z.output<typeof ZProposalListQuerySchema>;

/** The clinician's form: strings as inputs give them, starting from the record's current values. */
export const ZProposeRecordChangeFormSchema = z.object({
  category: z.string(),
  dateOfService: z
    .string()
    .trim()
    .refine((value) => value === "" || ZServiceDateSchema.safeParse(value).success, "Use a real date that is not in the future, like 2024-03-05."),
  tags: z.string().refine((value) => ZTagsSchema.safeParse(splitTags(value)).success, `Use at most ${MAX_TAGS} tags of ${MAX_TAG_LENGTH} characters each.`),
  bodyPart: z.string().max(BODY_PART_MAX, `Use at most ${BODY_PART_MAX} characters for the body part.`),
  sourceProvider: z.string().max(PROVIDER_MAX, `Use at most ${PROVIDER_MAX} characters for the provider.`),
  note: z.string().max(PROPOSAL_NOTE_MAX, `Use at most ${PROPOSAL_NOTE_MAX} characters for the note.`),
});
export type TProposeRecordChangeForm = z.infer<typeof ZProposeRecordChangeFormSchema>;

export function proposeFormValues(record: { category: string | null; dateOfService: string | null; tags: readonly string[]; bodyPart: string | null; sourceProvider: string | null }): TProposeRecordChangeForm {
  return {
    category: record.category ?? "",
    dateOfService: record.dateOfService ?? "",
    tags: record.tags.join(", "),
    bodyPart: record.bodyPart ?? "",
    sourceProvider: record.sourceProvider ?? "",
    note: "",
  };
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

/** Only the fields the clinician changed; "" clears a date, body part or provider. */
export function proposalChangesFromForm(initial: TProposeRecordChangeForm, values: TProposeRecordChangeForm): z.input<typeof ZRecordProposalChangesSchema> {
  const changes: z.input<typeof ZRecordProposalChangesSchema> = {};
  if (values.category !== initial.category && values.category !== "") changes.category = values.category as TRecordProposalChanges["category"];
  if (values.dateOfService.trim() !== initial.dateOfService.trim()) changes.dateOfService = values.dateOfService.trim() || null;
  const tags = splitTags(values.tags);
  if (!sameTags(tags, splitTags(initial.tags))) changes.tags = tags;
  if (values.bodyPart.trim() !== initial.bodyPart.trim()) changes.bodyPart = values.bodyPart.trim() || null;
  if (values.sourceProvider.trim() !== initial.sourceProvider.trim()) changes.sourceProvider = values.sourceProvider.trim() || null;
  return changes;
}
