"use client";

// "Download everything": starts the export job, polls its progress, then hands
// out a short download link. Progress is announced politely to screen readers.
import { Download, FileArchive } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ExportStatus } from "@/lib/export/export-status";

const POLL_MS = 1_500;

async function call<T>(url: string, method: "GET" | "POST"): Promise<T> {
  const response = await fetch(url, { method, headers: { Accept: "application/json" }, cache: "no-store" });
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? "Something went wrong. Please try again.");
  return body;
}

function formatSize(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportPanel({ initial }: { initial: ExportStatus | null }) {
  const [current, setCurrent] = useState<ExportStatus | null>(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const working = current?.status === "QUEUED" || current?.status === "RUNNING";

  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => {
      call<{ export: ExportStatus | null }>("/api/exports", "GET")
        .then((body) => setCurrent(body.export))
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [working]);

  const start = useCallback(async () => {
    setBusy(true);
    setFailure(null);
    try {
      setCurrent((await call<{ export: ExportStatus }>("/api/exports", "POST")).export);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);

  const download = useCallback(async () => {
    if (!current) return;
    setBusy(true);
    setFailure(null);
    try {
      const { url } = await call<{ url: string }>(`/api/exports/${encodeURIComponent(current.id)}/download`, "POST");
      window.location.assign(url);
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }, [current]);

  return (
    <div className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {working ? (
        <div className="flex flex-col gap-2">
          <p className="font-medium" id="export-progress-label">
            Preparing your download… {current.progress}%
          </p>
          <div
            role="progressbar"
            aria-labelledby="export-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={current.progress}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-accent-700 transition-[width]" style={{ width: `${current.progress}%` }} />
          </div>
          <p className="text-sm text-slate-600">You can leave this page: we will notify you when it is ready.</p>
        </div>
      ) : null}
      {current?.status === "READY" ? (
        <div className="flex flex-col gap-3">
          <Alert tone="success">
            Your download is ready: {current.fileCount} {current.fileCount === 1 ? "file" : "files"} and your health data, {formatSize(current.sizeBytes)}. It is kept until{" "}
            {current.expiresAt ? new Date(current.expiresAt).toLocaleString() : "soon"}.
          </Alert>
          <Button onClick={download} pending={busy} className="w-full sm:w-auto">
            <Download aria-hidden className="size-5" /> Download ZIP
          </Button>
        </div>
      ) : null}
      {current?.status === "FAILED" ? <Alert tone="error">{current.error ?? "We could not prepare your download. Please try again."}</Alert> : null}
      {current?.status === "EXPIRED" ? <Alert tone="info">Your last download has expired. Prepare a new one.</Alert> : null}
      {!working ? (
        <Button variant={current?.status === "READY" ? "secondary" : "primary"} onClick={start} pending={busy && !current} className="w-full sm:w-auto">
          <FileArchive aria-hidden className="size-5" /> {current ? "Prepare a new download" : "Prepare my download"}
        </Button>
      ) : null}
    </div>
  );
}
