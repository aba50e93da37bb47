"use client";

import { useState } from "react";
import { NoPreview } from "./no-preview";

/**
 * The image itself from the storage origin. JPEG and PNG show everywhere; TIFF
 * and HEIC only where the browser can decode them (Safari), so a failed load
 * falls back to the "download it" message instead of a broken image.
 */
export function ImagePreview({ url, name, onExpired }: { url: string; name: string; onExpired?: () => void }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <NoPreview />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL on the storage origin; next/image would proxy it through us.
    <img
      src={url}
      alt={`Preview of ${name}`}
      data-testid="record-image"
      className="mx-auto max-h-[70vh] w-auto max-w-full rounded-lg bg-white object-contain"
      onError={() => {
        // A link that expired while the page stayed open: ask for a fresh one once.
        if (onExpired) onExpired();
        else setFailed(true);
      }}
    />
  );
}
