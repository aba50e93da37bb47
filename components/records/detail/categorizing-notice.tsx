"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 4_000;
const GIVE_UP_MS = 3 * 60_000;

/** Shown while automatic sorting runs (categorizedAt is null); reloads the page's data until it is done. */
export function CategorizingNotice() {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - started > GIVE_UP_MS) window.clearInterval(timer);
      else router.refresh();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [router]);
  return (
    <p role="status" className="flex items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sky-900">
      <LoaderCircle aria-hidden className="size-4 animate-spin" />
      Categorizing… MedVault is reading this file to sort it by type and date.
    </p>
  );
}
