import { FileQuestion } from "lucide-react";

/** Shown where the browser cannot show the file itself: the download button is the way to it. */
export function NoPreview({ children = "No preview for this format — download it to open it on your device." }: { children?: string }) {
  return (
    <div role="status" className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">
      <FileQuestion aria-hidden className="size-8 text-slate-500" />
      <p>{children}</p>
    </div>
  );
}
