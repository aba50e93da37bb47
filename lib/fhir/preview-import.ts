// What importing a Bundle would do for this patient, item by item: "new" (will
// be added), "existing" (already there: same identifier, or one of this
// patient's own entries coming back) or "skipped" (with the reason). Nothing is
// written; importBundle recomputes the same plan inside its transaction.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HealthEntryKind, Role } from "@/lib/generated/prisma/client";
import { SYSTEM } from "./codes";
import { fhirToHealthEntry } from "./fhir-to-health-entry";
import { readImportBundle } from "./read-import-bundle";

export interface ImportItem {
  index: number;
  resourceType: string;
  status: "new" | "existing" | "skipped";
  kind: HealthEntryKind | null;
  /** The entry's name (condition, medication, test...): shown to the patient only. */
  label: string | null;
  day: string | null;
  reason?: string;
}

export interface ImportPlan {
  items: ImportItem[];
  /** Entries to create, in Bundle order. */
  toCreate: Array<{ kind: HealthEntryKind; data: unknown; sourceKey: string; day: string | null }>;
  counts: { new: number; existing: number; skipped: number; notImported: number };
  otherTypes: Record<string, number>;
}

export function requireImportingPatient(actor: { id: string; role: Role }): void {
  if (actor.role !== "PATIENT" || !actor.id) throw new AppError("FORBIDDEN", "Only patients import into their own health data.");
}

export async function planImport(options: { patientId: string; text: string; tx?: Tx }): Promise<ImportPlan> {
  const { candidates, otherTypes } = readImportBundle({ text: options.text });
  const existing = await (options.tx ?? db).healthEntry.findMany({ where: { patientId: options.patientId }, select: { id: true, sourceKey: true } });
  const known = new Set<string>();
  for (const entry of existing) {
    if (entry.sourceKey) known.add(entry.sourceKey);
    known.add(`${SYSTEM.healthEntryId}|${entry.id}`);
  }
  const items: ImportItem[] = [];
  const toCreate: ImportPlan["toCreate"] = [];
  for (const candidate of candidates) {
    const base = { index: candidate.index, resourceType: candidate.resourceType };
    if (candidate.problems.length > 0) {
      items.push({ ...base, status: "skipped", kind: null, label: null, day: null, reason: `It does not follow the FHIR R4 structure (${candidate.problems.length} problem${candidate.problems.length === 1 ? "" : "s"}, first: ${candidate.problems[0]}).` });
      continue;
    }
    const mapped = fhirToHealthEntry(candidate.resource);
    if (mapped.outcome === "skipped") {
      items.push({ ...base, status: "skipped", kind: null, label: mapped.label, day: null, reason: mapped.reason });
      continue;
    }
    const item = { ...base, kind: mapped.kind, label: mapped.label, day: mapped.day };
    if (known.has(mapped.sourceKey)) {
      items.push({ ...item, status: "existing" });
      continue;
    }
    known.add(mapped.sourceKey); // the same item twice in one file counts once
    items.push({ ...item, status: "new" });
    toCreate.push({ kind: mapped.kind, data: mapped.data, sourceKey: mapped.sourceKey, day: mapped.day });
  }
  const count = (status: ImportItem["status"]) => items.filter((i) => i.status === status).length;
  const notImported = Object.values(otherTypes).reduce((a, b) => a + b, 0);
  return { items, toCreate, counts: { new: count("new"), existing: count("existing"), skipped: count("skipped"), notImported }, otherTypes };
}

/** The preview for the signed-in patient. */
export async function previewImport(options: { actor: { id: string; role: Role }; text: string }): Promise<Omit<ImportPlan, "toCreate">> {
  requireImportingPatient(options.actor);
  const { toCreate: _toCreate, ...preview } = await planImport({ patientId: options.actor.id, text: options.text });
  return preview;
}
