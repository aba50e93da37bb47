"use client";

import { useEffect, useState } from "react";
import { LoaderCircle } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { NoPreview } from "./no-preview";

/** Larger files are shown up to here (characters); the rest is one download away. */
export const TEXT_PREVIEW_LIMIT = 512 * 1024;
/** Beyond this size the text is not fetched at all. */
const TEXT_FETCH_LIMIT = 5 * 1024 * 1024;

/** A plain-text record, read from the storage origin and shown as text (React escapes it; never parsed as HTML). */
export function TextPreview({ url, sizeBytes }: { url: string; sizeBytes: number }) {
  const [state, setState] = useState<{ text: string } | { error: string } | null>(null);

  useEffect(() => {
    if (sizeBytes > TEXT_FETCH_LIMIT) return;
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, credentials: "omit", cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        setState({ text: (await response.text()).slice(0, TEXT_PREVIEW_LIMIT) });
      } catch {
        if (!controller.signal.aborted) setState({ error: "The text could not be loaded. Reload the page or download the file." });
      }
    })();
    return () => controller.abort();
  }, [url, sizeBytes]);

  if (sizeBytes > TEXT_FETCH_LIMIT) return <NoPreview>This text file is too large to show here — download it to read it.</NoPreview>;
  if (!state) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-600">
        <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading the text…
      </p>
    );
  }
  if ("error" in state) return <Alert tone="error">{state.error}</Alert>;
  return (
    <div className="flex flex-col gap-2">
      <pre data-testid="record-text" tabIndex={0} aria-label="File contents" className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-mono text-sm text-slate-900">
        {state.text}
      </pre>
      {sizeBytes > TEXT_PREVIEW_LIMIT ? <p className="text-sm text-slate-600">Only the beginning is shown. Download the file to read all of it.</p> : null}
    </div>
  );
}
