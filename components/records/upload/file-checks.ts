// What the browser can tell about a picked file before anything is sent: its
// declared type (from the browser's MIME type or the extension) and whether it
// is within the size limit. The server checks again, and checks the real bytes;
// this is only for instant feedback.
import { UPLOAD_TYPES, type UploadType } from "@/lib/validation/records";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Mirrors the server's defaults (UPLOAD_MAX_BYTES_IMAGING / _DOCUMENT). */
export const CLIENT_LIMITS = { imaging: 2 * GiB, document: 100 * MiB } as const;

const BY_EXTENSION: Record<string, UploadType> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  heif: "image/heic",
  tif: "image/tiff",
  tiff: "image/tiff",
  dcm: "application/dicom",
  dicom: "application/dicom",
  txt: "text/plain",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

const MIME_ALIASES: Record<string, UploadType> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/heif": "image/heic", "application/dicom+json": "application/dicom" };

/** For the file input's accept attribute: extensions too, since browsers know no MIME type for DICOM. */
export const ACCEPT_ATTRIBUTE = [...Object.keys(UPLOAD_TYPES), ...Object.keys(BY_EXTENSION).map((extension) => `.${extension}`)].join(",");

export const ALLOWED_TYPES_TEXT = "PDF, JPEG, PNG, HEIC, TIFF, DICOM, plain text or Word (DOCX)";

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null;
}

/**
 * The type to declare for `file`, or null when it cannot be uploaded. DICOM
 * files often have no extension and no MIME type: `assumeDicom` declares those
 * as DICOM when the user said so (the server verifies the DICM marker).
 */
export function declaredTypeOf(file: { name: string; type: string }, options: { assumeDicom?: boolean } = {}): UploadType | null {
  const mime = file.type.toLowerCase();
  if (mime in UPLOAD_TYPES) return mime as UploadType;
  if (mime in MIME_ALIASES) return MIME_ALIASES[mime]!;
  const extension = extensionOf(file.name);
  if (extension && extension in BY_EXTENSION) return BY_EXTENSION[extension]!;
  if (!extension && options.assumeDicom && (mime === "" || mime === "application/octet-stream")) return "application/dicom";
  return null;
}

/** "100 MB", "2 GB", "1.5 KB" (binary units, as the server words its limits). */
export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${Number((bytes / GiB).toFixed(1))} GB`;
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

export type FileCheck = { ok: true; declaredType: UploadType } | { ok: false; reason: string };

export function checkFile(file: { name: string; type: string; size: number }, options: { assumeDicom?: boolean } = {}): FileCheck {
  const declaredType = declaredTypeOf(file, options);
  if (!declaredType) return { ok: false, reason: `This kind of file cannot be uploaded. Use ${ALLOWED_TYPES_TEXT}.` };
  if (file.size <= 0) return { ok: false, reason: "The file is empty." };
  const kind = UPLOAD_TYPES[declaredType].kind;
  const limit = CLIENT_LIMITS[kind];
  if (file.size > limit) {
    return { ok: false, reason: `The file is larger than the ${formatBytes(limit)} limit for ${kind === "imaging" ? "images and scans" : "documents"}.` };
  }
  return { ok: true, declaredType };
}
