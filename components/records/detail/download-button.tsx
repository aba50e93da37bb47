"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestRecordUrl } from "@/components/records/viewer/request-record-url";

/** Asks for a short download link (checked and logged by the server), then lets the browser save the file. */
export function DownloadButton({ recordId, className }: { recordId: string; className?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setPending(true);
    setError(null);
    try {
      // The link answers with `Content-Disposition: attachment`: the browser saves the file and this page stays.
      window.location.assign(await requestRecordUrl(recordId, "download"));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The download could not start. Please try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <Button onClick={() => void download()} pending={pending} className={className}>
        {pending ? null : <Download aria-hidden className="size-5" />}
        Download
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
