"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useState } from "react";
import { LoaderCircle } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImagePreview } from "./image-preview";
import { NoPreview } from "./no-preview";
import { PdfPreview } from "./pdf-preview";
import { previewKind } from "./preview-kind";
import { requestRecordUrl } from "./request-record-url";
import { TextPreview } from "./text-preview";

// dwv draws on a canvas and touches `window` on import: browser only, loaded when a DICOM is shown.
const DicomViewer = dynamic(() => import("./dicom-viewer"), {
  ssr: false,
  loading: () => <Loading>Loading the viewer…</Loading>,
});

function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="flex min-h-40 items-center justify-center gap-2 text-slate-600">
      <LoaderCircle aria-hidden className="size-5 animate-spin" /> {children}
    </p>
  );
}

export interface RecordPreviewProps {
  recordId: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  hasThumbnail?: boolean;
}

/** The file itself, inline, from a short preview link issued (and audited) when the page opens. */
export function RecordPreview({ recordId, name, mimeType, sizeBytes, hasThumbnail = false }: RecordPreviewProps) {
  const kind = previewKind(mimeType);
  const [link, setLink] = useState<{ url: string } | { error: string } | null>(null);
  const [renewals, setRenewals] = useState(0);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (kind === "none") return;
    let current = true;
    requestRecordUrl(recordId, "preview").then(
      (url) => current && setLink({ url }),
      (error: unknown) => current && setLink({ error: error instanceof Error ? error.message : "The preview could not be loaded." }),
    );
    return () => {
      current = false;
    };
  }, [kind, recordId, attempt]);

  const load = useCallback(() => {
    setLink(null);
    setAttempt((value) => value + 1);
  }, []);

  if (kind === "none") return <NoPreview />;
  if (!link) return <Loading>Loading the preview…</Loading>;
  if ("error" in link) {
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert tone="error">{link.error}</Alert>
        <Button variant="secondary" onClick={() => load()}>
          Try again
        </Button>
      </div>
    );
  }

  switch (kind) {
    case "image":
    case "maybe-image":
      return (
        <ImagePreview
          key={link.url}
          url={link.url}
          name={name}
          // HEIC and TIFF outside Safari: the list's small WebP copy, made on the server, instead of nothing.
          smallCopyUrl={kind === "maybe-image" && hasThumbnail ? `/api/records/${encodeURIComponent(recordId)}/thumbnail` : undefined}
          // The link is short-lived: one fresh one if a JPEG/PNG fails to load (e.g. the tab was left open).
          onExpired={kind === "image" && renewals === 0 ? () => { setRenewals(1); load(); } : undefined}
        />
      );
    case "pdf":
      return <PdfPreview url={link.url} name={name} />;
    case "text":
      return <TextPreview url={link.url} sizeBytes={sizeBytes} />;
    case "dicom":
      return <DicomViewer url={link.url} name={name} />;
  }
}
