import { HelpCircle } from "lucide-react";
import { signalReason, signalResult, type Signal } from "./signals";

const FIELD_ORDER = ["category", "modality", "bodyPart", "dateOfService", "sourceProvider", "keywords"];

/** "Why this category?": each signal the automatic sorting used, in plain words. */
export function CategorizationWhy({ signals, correctedFields }: { signals: Signal[]; correctedFields: string[] }) {
  const ordered = [...signals].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return (
    <details className="group rounded-lg border border-slate-200 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-3 py-2 font-medium text-accent-800">
        <HelpCircle aria-hidden className="size-4" /> Why this category?
      </summary>
      <div className="border-t border-slate-200 px-3 py-3 text-sm text-slate-700">
        {ordered.length === 0 ? (
          <p>MedVault found nothing in this file to go on, so it was sorted by its type alone. You can correct it below.</p>
        ) : (
          <>
            <p className="mb-2">MedVault sorted this file automatically, from what it found in it:</p>
            <ul className="flex flex-col gap-2" data-testid="categorization-signals">
              {ordered.map((signal, index) => (
                <li key={`${signal.field}-${index}`} className="flex flex-col">
                  <span className="font-medium text-slate-900">{signalResult(signal)}</span>
                  <span>{signalReason(signal)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {correctedFields.length > 0 ? <p className="mt-3">Fields you corrected are kept as you set them; automatic sorting never changes them again.</p> : null}
      </div>
    </details>
  );
}
