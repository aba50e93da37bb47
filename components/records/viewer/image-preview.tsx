"use client";

import { useState } from "react";
import { NoPreview } from "./no-preview";

const imageClass = "mx-auto max-h-[70vh] w-auto max-w-full rounded-lg bg-white object-contain";

/**
 * The image itself from the storage origin. JPEG and PNG show everywhere; TIFF
 * and HEIC only where the browser can decode them (Safari), so a failed load
 * falls back to the small copy the server made (`smallCopyUrl`, the list's
 * thumbnail) or, without one, to the "download it" message instead of a broken image.
 */
export function ImagePreview({ url, name, onExpired, smallCopyUrl }: { url: string; name: string; onExpired?: () => void; smallCopyUrl?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return smallCopyUrl ? <SmallCopy url={smallCopyUrl} name={name} /> : <NoPreview />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived URL on the storage origin; next/image would proxy it through us.
    <img
      src={url}
      alt={`Preview of ${name}`}
      data-testid="record-image"
      className={imageClass}
      onError={() => {
        // A link that expired while the page stayed open: ask for a fresh one once.
        if (onExpired) onExpired();
        else setFailed(true);
      }}
    />
  );
}

function SmallCopy({ url, name }: { url: string; name: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <NoPreview />;
  return (
    <figure className="flex flex-col gap-2">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own thumbnail route, already small; it checks access on every request. */}
      <img src={url} alt={`Smaller copy of ${name}`} data-testid="record-small-copy" className={imageClass} onError={() => setFailed(true)} />
      <figcaption className="text-center text-sm text-slate-700">This browser cannot show this format at full size. This is a smaller copy: download the file to see the original.</figcaption>
    </figure>
  );
}
