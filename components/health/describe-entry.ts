// One line of title and a few facts per entry, the way lists and the summary
// show them. Plain text: React escapes it.
import type { HealthEntryView } from "@/lib/health/health-entry-view";
import { formatVital, vitalLabel } from "@/lib/validation/health";
import { CONDITION_STATUS_LABELS, MEDICATION_STATUS_LABELS, SEVERITY_LABELS } from "./health-fields";

/** "12 Mar 2024" from "2024-03-12" (a calendar day, no time zone). */
export function formatDay(day: string | undefined | null): string {
  if (!day) return "";
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function describeEntry(entry: HealthEntryView): { title: string; facts: string[] } {
  const facts = (...items: Array<string | false | undefined | null>) => items.filter((item): item is string => Boolean(item));
  switch (entry.kind) {
    case "CONDITION": {
      const d = entry.data;
      return { title: d.name, facts: facts(CONDITION_STATUS_LABELS[d.clinicalStatus], d.onsetDate && `Since ${formatDay(d.onsetDate)}`, d.resolvedDate && `Resolved ${formatDay(d.resolvedDate)}`, d.notes) };
    }
    case "MEDICATION": {
      const d = entry.data;
      return {
        title: d.name,
        facts: facts([d.dose, d.frequency].filter(Boolean).join(", ") || null, MEDICATION_STATUS_LABELS[d.status], d.startDate && `Started ${formatDay(d.startDate)}`, d.stopDate && `Stopped ${formatDay(d.stopDate)}`, d.notes),
      };
    }
    case "ALLERGY": {
      const d = entry.data;
      return { title: d.substance, facts: facts(`${SEVERITY_LABELS[d.severity]} reaction`, d.reaction, d.notedDate && `Noted ${formatDay(d.notedDate)}`, d.notes) };
    }
    case "LAB_RESULT": {
      const d = entry.data;
      const range = d.referenceLow !== undefined || d.referenceHigh !== undefined ? `Normal: ${d.referenceLow ?? "…"}–${d.referenceHigh ?? "…"}${d.unit ? ` ${d.unit}` : ""}` : null;
      return { title: d.test, facts: facts(`${d.value}${d.unit ? ` ${d.unit}` : ""}`, range, formatDay(d.takenAt), d.notes) };
    }
    case "VITAL_SIGN": {
      const d = entry.data;
      return { title: vitalLabel(d.type), facts: facts(formatVital(d), formatDay(d.takenAt), d.notes) };
    }
    case "IMMUNIZATION": {
      const d = entry.data;
      return { title: d.vaccine, facts: facts(formatDay(d.date), d.doseNumber !== undefined && `Dose ${d.doseNumber}`, d.site, d.lot && `Lot ${d.lot}`, d.notes) };
    }
  }
}
