// Input shapes for records: shared by the upload UI, route handlers and lib/records.
// Size limits depend on server settings, so they are checked in issueUploadSlot.
import { z } from "zod";
import { ZEntityIdSchema } from "@/lib/validation/ids";
import { RecordCategory } from "@/lib/generated/prisma/enums";

/** What may be uploaded. DICOM: browsers report "" or octet-stream, so the client sends application/dicom for .dcm. */
export const UPLOAD_TYPES = {
  "application/pdf": { label: "PDF", kind: "document" },
  "image/jpeg": { label: "JPEG image", kind: "imaging" },
  "image/png": { label: "PNG image", kind: "imaging" },
  "image/heic": { label: "HEIC image", kind: "imaging" },
  "image/tiff": { label: "TIFF image", kind: "imaging" },
  "application/dicom": { label: "DICOM file", kind: "imaging" },
  "text/plain": { label: "text file", kind: "document" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word document (DOCX)", kind: "document" },
} as const;

export type UploadType = keyof typeof UPLOAD_TYPES;
export type UploadKind = (typeof UPLOAD_TYPES)[UploadType]["kind"];

export const ZUploadTypeSchema = z.enum(Object.keys(UPLOAD_TYPES) as [UploadType, ...UploadType[]], {
  error: "This kind of file cannot be uploaded. Use PDF, JPEG, PNG, HEIC, TIFF, DICOM, plain text or DOCX.",
});

// Path separators of any OS, C0/C1 controls and invisible format characters
// (incl. bidi overrides that make "fdp.exe" look like "exe.pdf").
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const MAX_NAME_LENGTH = 255;

/**
 * The name shown to the user for an upload: the last path segment, without
 * controls, at most 255 characters (extension kept). Display only: blob names
 * are chosen by the server and never derive from it.
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = lastSegment.replace(CONTROL_OR_FORMAT, "").replace(/\s+/g, " ").trim();
  if (/^\.+$/.test(name)) name = "";
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 ? [...name.slice(dot)] : [];
    const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
    name = chars.slice(0, MAX_NAME_LENGTH - keep.length).join("") + keep.join("");
  }
  return name || "upload";
}

const ZId = ZEntityIdSchema;

export const ZIssueUploadSlotSchema = z.object({
  patientId: ZId,
  fileName: z.string().max(4096).transform(sanitizeFileName),
  declaredType: ZUploadTypeSchema,
  declaredSize: z.number().int().min(1, "The file is empty.").max(Number.MAX_SAFE_INTEGER),
});
export type TIssueUploadSlotInput = z.input<typeof ZIssueUploadSlotSchema>;

export const ZSlotIdSchema = ZId;
export const ZRecordIdSchema = ZId;

const ZDate = z.coerce.date({ error: "Use a valid date." });

export const ZListRecordsSchema = z
  .object({
    category: z.enum(RecordCategory).optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    provider: z.string().trim().min(1).max(200).optional(),
    status: z.enum(["READY", "ARCHIVED", "ALL"]).default("READY"),
    sort: z.enum(["dateOfService", "createdAt"]).default("createdAt"),
    direction: z.enum(["asc", "desc"]).default("desc"),
    cursor: z.string().trim().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "The start date must be before the end date.", path: ["to"] });
export type TListRecordsInput = z.input<typeof ZListRecordsSchema>;
