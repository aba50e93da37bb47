// How the record page shows a file of each type. User files are never rendered
// as HTML on our origin: images and PDFs load from the storage origin, text is
// put into a <pre> as text, DICOM is drawn by the viewer onto a canvas.
export type PreviewKind = "image" | "maybe-image" | "pdf" | "text" | "dicom" | "none";

const KINDS: Record<string, PreviewKind> = {
  "image/jpeg": "image",
  "image/png": "image",
  // Only some browsers (Safari) decode these: tried, with a fallback message.
  "image/tiff": "maybe-image",
  "image/heic": "maybe-image",
  "image/heif": "maybe-image",
  "application/pdf": "pdf",
  "text/plain": "text",
  "application/dicom": "dicom",
};

export function previewKind(mimeType: string): PreviewKind {
  return KINDS[mimeType] ?? "none";
}
