"use client";

import { Check, Copy, Download } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function asText(codes: string[]) {
  return [
    "MedVault recovery codes",
    "Each code signs you in once if you cannot use your authenticator app. Keep them somewhere safe.",
    "",
    ...codes,
    "",
  ].join("\n");
}

/**
 * The recovery codes, shown once: copy, download as a text file, and a
 * confirmation that they were saved before the user may continue.
 */
export function TwoFactorRecoveryCodes({ codes, onDone, doneLabel = "Continue" }: { codes: string[]; onDone: () => void; doneLabel?: string }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const checkboxId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(asText(codes));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([asText(codes)], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "medvault-recovery-codes.txt";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby={`${checkboxId}-title`} className="flex flex-col gap-4">
      <h2 id={`${checkboxId}-title`} className="text-xl font-semibold">
        Save your recovery codes
      </h2>
      <p className="text-slate-700">
        If you lose your phone, each of these codes lets you sign in once. <strong>This is the only time we show them.</strong> Store them in a
        password manager or print them.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-base sm:text-lg">
        {codes.map((code) => (
          <li key={code} className="text-center tracking-wider">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variant="secondary" onClick={copy} className="flex-1">
          {copied === "copied" ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          {copied === "copied" ? "Copied" : "Copy codes"}
        </Button>
        <Button variant="secondary" onClick={download} className="flex-1">
          <Download aria-hidden className="size-4" />
          Download as text
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied === "copied" ? "Recovery codes copied to the clipboard." : ""}
      </p>
      {copied === "failed" ? <Alert tone="error">Copying did not work in this browser. Download the codes or write them down instead.</Alert> : null}
      <label htmlFor={checkboxId} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3">
        <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} className="mt-1 size-5 accent-accent-700" />
        <span>I have saved my recovery codes somewhere safe.</span>
      </label>
      <Button onClick={onDone} disabled={!saved}>
        {doneLabel}
      </Button>
    </section>
  );
}
