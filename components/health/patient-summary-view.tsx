// The patient summary: what matters first in an appointment or an emergency.
// Allergies and active problems up front, then current medications, recent
// labs (flagged in words when out of range), the latest vital signs,
// immunizations and the most recent records. Shared by the patient's page
// and the clinician's first page of a patient.
import { AlertTriangle, FileText } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { categoryLabel } from "@/components/records/detail/labels";
import type { PatientSummary } from "@/lib/health/get-patient-summary";
import type { HealthEntryView } from "@/lib/health/health-entry-view";
import { formatVital, vitalLabel } from "@/lib/validation/health";
import { describeEntry, formatDay } from "./describe-entry";
import { LabFlag } from "./lab-flag";

interface PatientSummaryViewProps {
  summary: PatientSummary;
  /** Where a record opens. */
  recordHref: (recordId: string) => string;
  /** Where "see all" of the health data goes. */
  healthHref: string;
  viewer: "patient" | "clinician";
}

function Card({ title, id, children, tone = "plain", action }: { title: string; id: string; children: ReactNode; tone?: "plain" | "alert"; action?: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`flex flex-col gap-3 rounded-2xl border p-4 ${tone === "alert" ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
          {tone === "alert" ? <AlertTriangle aria-hidden className="size-5 text-red-800" /> : null}
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function EntryLines({ entries, empty }: { entries: HealthEntryView[]; empty: string }) {
  if (entries.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {entries.map((entry) => {
        const { title, facts } = describeEntry(entry);
        return (
          <li key={entry.id} className="break-words">
            <span className="font-semibold">{title}</span>
            {facts.length ? <span className="text-slate-700"> — {facts.join(" · ")}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function PatientSummaryView({ summary, recordHref, healthHref, viewer }: PatientSummaryViewProps) {
  const health = summary.health;
  const own = viewer === "patient";
  const seeAll = (
    <Link href={healthHref} className="inline-flex min-h-11 items-center font-medium text-accent-700 underline-offset-2 hover:underline">
      See all
    </Link>
  );
  return (
    <div className="flex flex-col gap-4">
      {health ? (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <Card title="Allergies" id="summary-allergies" tone={health.allergies.length ? "alert" : "plain"}>
              <EntryLines entries={health.allergies} empty={own ? "No allergies recorded. Add them under Health data." : "No allergies recorded by the patient."} />
            </Card>
            <Card title="Active problems" id="summary-problems">
              <EntryLines entries={health.activeProblems} empty="No active conditions recorded." />
            </Card>
          </div>
          <Card title="Current medications" id="summary-medications">
            <EntryLines entries={health.currentMedications} empty="No current medications recorded." />
          </Card>
          <div className="grid gap-4 md:grid-cols-2">
            <Card title="Recent lab results" id="summary-labs" action={seeAll}>
              {health.recentLabs.length === 0 ? (
                <p className="text-slate-700">No lab results recorded.</p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {health.recentLabs.map((lab) => (
                    <li key={lab.id} className="flex flex-col gap-1 break-words">
                      <span>
                        <span className="font-semibold">{lab.data.test}</span>: {String(lab.data.value)}
                        {lab.data.unit ? ` ${lab.data.unit}` : ""} <span className="text-slate-700">({formatDay(lab.data.takenAt)})</span>
                      </span>
                      <LabFlag flag={lab.flag} />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Latest vital signs" id="summary-vitals" action={seeAll}>
              {health.latestVitals.length === 0 ? (
                <p className="text-slate-700">No readings recorded.</p>
              ) : (
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  {health.latestVitals.map(({ type, latest, readings }) => (
                    <div key={type} className="contents">
                      <dt className="font-semibold">{vitalLabel(type)}</dt>
                      <dd>
                        {formatVital(latest.data)} <span className="text-slate-700">({formatDay(latest.data.takenAt)}{readings > 1 ? `, ${readings} readings` : ""})</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </Card>
          </div>
          <Card title="Immunizations" id="summary-immunizations">
            <EntryLines entries={health.recentImmunizations} empty="No immunizations recorded." />
          </Card>
        </>
      ) : (
        <p className="rounded-xl border border-sky-200 bg-sky-50 p-4 text-sky-900">
          The patient shared some of their records with you, not their health history (allergies, medications, conditions, labs, vital signs). Only a
          share of all records includes it.
        </p>
      )}
      <Card title="Recent records" id="summary-records">
        {summary.recentRecords.length === 0 ? (
          <p className="text-slate-700">{own ? "No records yet. Upload them from Records." : "No records shared with you."}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {summary.recentRecords.map((record) => (
              <li key={record.id}>
                <Link href={recordHref(record.id)} className="inline-flex min-h-11 items-center gap-2 break-all font-medium text-accent-700 underline-offset-2 hover:underline">
                  <FileText aria-hidden className="size-4 shrink-0" />
                  {record.originalName}
                </Link>
                <span className="text-sm text-slate-700">
                  {" "}
                  {categoryLabel(record.category)}
                  {record.dateOfService ? ` · ${formatDay(record.dateOfService)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
