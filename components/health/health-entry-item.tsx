// One entry in a list: its title, facts, the lab flag, and whatever actions
// the viewer has (edit/remove for the patient, propose for a clinician).
import type { ReactNode } from "react";
import type { HealthEntryView } from "@/lib/health/health-entry-view";
import { labRangeFlag } from "@/lib/validation/health";
import { describeEntry } from "./describe-entry";
import { LabFlag } from "./lab-flag";

export function HealthEntryItem({ entry, actions }: { entry: HealthEntryView; actions?: ReactNode }) {
  const { title, facts } = describeEntry(entry);
  const flag = entry.kind === "LAB_RESULT" ? labRangeFlag(entry.data) : "unknown";
  const severe = entry.kind === "ALLERGY" && entry.data.severity === "severe";
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="health-entry">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 break-words font-semibold text-slate-900">
          {title}
          {flag !== "unknown" ? <LabFlag flag={flag} /> : null}
          {severe ? <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-sm font-semibold text-red-900 ring-1 ring-inset ring-red-300">Severe</span> : null}
        </p>
        {facts.length > 0 ? <p className="mt-1 break-words text-slate-700">{facts.join(" · ")}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </li>
  );
}
