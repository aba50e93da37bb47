"use client";

/**
 * The browser's own PDF viewer in a frame on the storage origin (never ours, so
 * the file can reach neither our cookies nor our pages). Not sandboxed:
 * Chromium refuses to run its PDF viewer inside a sandboxed frame, and the
 * cross-origin frame already isolates the document.
 */
export function PdfPreview({ url, name }: { url: string; name: string }) {
  return (
    <div className="flex flex-col gap-2">
      <iframe
        src={url}
        title={`PDF: ${name}`}
        data-testid="record-pdf"
        referrerPolicy="no-referrer"
        className="h-[70vh] min-h-96 w-full rounded-lg border border-slate-200 bg-white"
      />
      <p className="text-sm text-slate-600">If the document does not appear, your browser cannot show PDFs here: use Download.</p>
    </div>
  );
}
