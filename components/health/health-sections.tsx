// The health data page: one section per kind, each with its list (vitals with
// a trend per measurement), an empty state that says what to do, and the
// viewer's actions. Shared by the patient's page and a clinician's view.
import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button-link";
import type { HealthEntryKind } from "@/lib/generated/prisma/enums";
import type { HealthEntryView, HealthEntryViewOf } from "@/lib/health/health-entry-view";
import { HEALTH_ENTRY_KINDS, HEALTH_KIND_INFO, VITAL_TYPE_KEYS } from "@/lib/validation/health";
import { HealthEntryItem } from "./health-entry-item";
import { VitalTrend } from "./vital-trend";

const EMPTY_HINT: Record<HealthEntryKind, string> = {
  CONDITION: "Add illnesses, operations and long-term conditions, current or past.",
  MEDICATION: "Add the medicines you take, with their dose and how often.",
  ALLERGY: "Add anything you are allergic to, so that whoever treats you knows first.",
  LAB_RESULT: "Add results from your lab reports; values outside the normal range are flagged.",
  VITAL_SIGN: "Add blood pressure, heart rate, weight and other readings to see how they change.",
  IMMUNIZATION: "Add your vaccinations from your vaccination card.",
};

interface HealthSectionsProps {
  entries: HealthEntryView[];
  /** "Add" (patient) or "Propose new entry" (clinician) link per kind; none: read-only. */
  addLink?: (kind: HealthEntryKind) => { href: string; label: string } | null;
  /** The actions of one entry. */
  entryActions?: (entry: HealthEntryView) => ReactNode;
  /** Empty state wording for a viewer who is not the patient. */
  viewer?: "patient" | "clinician";
}

export function HealthSections({ entries, addLink, entryActions, viewer = "patient" }: HealthSectionsProps) {
  return (
    <div className="flex flex-col gap-8">
      {HEALTH_ENTRY_KINDS.map((kind) => {
        const info = HEALTH_KIND_INFO[kind];
        const items = entries.filter((entry) => entry.kind === kind);
        const add = addLink?.(kind);
        const headingId = `health-${info.slug}`;
        return (
          <section key={kind} aria-labelledby={headingId} className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id={headingId} className="text-xl font-semibold">
                {info.label}
              </h2>
              {add ? (
                <ButtonLink href={add.href} variant="secondary">
                  <Plus aria-hidden className="size-4" /> {add.label}
                </ButtonLink>
              ) : null}
            </div>
            {items.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-slate-600">
                {viewer === "patient" ? `None yet. ${EMPTY_HINT[kind]}` : `The patient has not added any ${info.label.toLowerCase()}.`}
              </p>
            ) : (
              <>
                {kind === "VITAL_SIGN" ? <VitalTrends readings={items as HealthEntryViewOf<"VITAL_SIGN">[]} /> : null}
                <ul className="flex flex-col gap-2">
                  {items.map((entry) => (
                    <HealthEntryItem key={entry.id} entry={entry} actions={entryActions?.(entry)} />
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

function VitalTrends({ readings }: { readings: HealthEntryViewOf<"VITAL_SIGN">[] }) {
  const types = VITAL_TYPE_KEYS.filter((type) => readings.some((r) => r.data.type === type));
  return (
    <div className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {types.map((type) => (
        <VitalTrend key={type} type={type} readings={readings.filter((r) => r.data.type === type)} />
      ))}
    </div>
  );
}
