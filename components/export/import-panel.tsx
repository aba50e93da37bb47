"use client";

// Import a FHIR R4 Bundle (e.g. from another provider): choose the .json file,
// see what would be added and what is already there, then import.
import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportItem } from "@/lib/fhir/preview-import";
import { HEALTH_KIND_INFO } from "@/lib/validation/health";

interface Preview {
  items: ImportItem[];
  counts: { new: number; existing: number; skipped: number; notImported: number };
  otherTypes: Record<string, number>;
}

const STATUS_TEXT = { new: "Will be added", existing: "Already in your record", skipped: "Not imported" } as const;
const STATUS_CLASS = { new: "bg-green-100 text-green-900", existing: "bg-slate-200 text-slate-800", skipped: "bg-amber-100 text-amber-900" } as const;

async function send<T>(mode: "preview" | "import", text: string): Promise<T> {
  const response = await fetch(`/api/fhir/import?mode=${mode}`, { method: "POST", headers: { "Content-Type": "application/fhir+json" }, body: text });
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? "Something went wrong. Please try again.");
  return body;
}

export function ImportPanel({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const inputId = useId();
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setResult(null);
    setFailure(null);
    if (!file) return;
    if (file.size > maxBytes) {
      setFailure(`This file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      return;
    }
    setBusy(true);
    try {
      const content = await file.text();
      setText(content);
      setPreview((await send<{ preview: Preview }>("preview", content)).preview);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!text) return;
    setBusy(true);
    setFailure(null);
    try {
      const { result: done } = await send<{ result: { created: number; existing: number } }>("import", text);
      setResult(`${done.created} ${done.created === 1 ? "entry was" : "entries were"} added to your health data; ${done.existing} ${done.existing === 1 ? "was" : "were"} already there.`);
      setPreview(null);
      setText(null);
      router.refresh();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="font-medium text-slate-800">
          FHIR Bundle file (.json)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json,application/fhir+json"
          disabled={busy}
          onChange={(event) => void choose(event.target.files?.[0])}
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:font-medium"
        />
        <p className="text-sm text-slate-600">Nothing is added until you confirm. Importing the same file again adds nothing.</p>
      </div>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {result ? <Alert tone="success">{result}</Alert> : null}
      {preview ? (
        <section aria-labelledby="import-preview-title" className="flex flex-col gap-3">
          <h3 id="import-preview-title" className="text-lg font-semibold">
            What this file holds
          </h3>
          <p>
            {preview.counts.new} to add, {preview.counts.existing} already in your record, {preview.counts.skipped} not imported
            {preview.counts.notImported > 0 ? `, and ${preview.counts.notImported} other items (${Object.keys(preview.otherTypes).join(", ")}) MedVault does not import` : ""}.
          </p>
          {preview.items.length > 0 ? (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {preview.items.map((item) => (
                <li key={item.index} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="break-words font-medium">{item.label ?? item.resourceType}</p>
                    <p className="text-sm text-slate-600">
                      {item.kind ? HEALTH_KIND_INFO[item.kind].singular : item.resourceType}
                      {item.day ? ` · ${item.day}` : ""}
                      {item.reason ? ` · ${item.reason}` : ""}
                    </p>
                  </div>
                  <span className={`self-start rounded-full px-2.5 py-0.5 text-sm font-medium sm:self-center ${STATUS_CLASS[item.status]}`}>{STATUS_TEXT[item.status]}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button variant="secondary" onClick={() => setPreview(null)} disabled={busy}>
              Cancel
            </Button>
            <Button onClick={confirm} pending={busy} disabled={preview.counts.new === 0}>
              <FileUp aria-hidden className="size-5" /> {preview.counts.new === 0 ? "Nothing new to import" : `Import ${preview.counts.new} ${preview.counts.new === 1 ? "entry" : "entries"}`}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
