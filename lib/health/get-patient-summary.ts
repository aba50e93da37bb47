// What a patient (and a clinician they shared with) sees first: allergies and
// active problems up front, current medications, recent labs with their
// out-of-range flags, the latest reading of each vital sign, recent
// immunizations and the most recent records. A clinician whose grant covers
// records but not health data (a category or record grant) gets the records
// and `health: null`; one with neither gets NOT_FOUND. A clinician's look is
// audited before anything is returned.
import { decideAccess, resolveAccessActor } from "@/lib/authz/decide-access";
import { decideHealthAccess } from "@/lib/authz/health-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { HealthEntryKind } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { listRecords } from "@/lib/records/list-records";
import type { RecordSummary } from "@/lib/records/record-summary";
import { listSharedRecords } from "@/lib/sharing/list-shared-records";
import { isCurrentMedication, labRangeFlag, VITAL_TYPE_KEYS, type LabRangeFlag, type VitalType } from "@/lib/validation/health";
import type { Actor } from "./health-access";
import { toHealthEntryView, type HealthEntryViewOf } from "./health-entry-view";
import { recordHealthView } from "./record-health-view";

export const SUMMARY_RECENT_LABS = 8;
export const SUMMARY_RECENT_RECORDS = 5;
export const SUMMARY_RECENT_IMMUNIZATIONS = 5;

export interface PatientHealthSummary {
  allergies: HealthEntryViewOf<"ALLERGY">[];
  activeProblems: HealthEntryViewOf<"CONDITION">[];
  currentMedications: HealthEntryViewOf<"MEDICATION">[];
  recentLabs: Array<HealthEntryViewOf<"LAB_RESULT"> & { flag: LabRangeFlag }>;
  /** The latest reading of each type that has one, with how many readings there are. */
  latestVitals: Array<{ type: VitalType; latest: HealthEntryViewOf<"VITAL_SIGN">; readings: number }>;
  recentImmunizations: HealthEntryViewOf<"IMMUNIZATION">[];
  /** Entries of each kind (removed ones left out). */
  counts: Partial<Record<HealthEntryKind, number>>;
}

export interface PatientSummary {
  patient: { id: string; name: string | null };
  /** null: the viewer's access does not cover health data. */
  health: PatientHealthSummary | null;
  recentRecords: RecordSummary[];
  can: { changeHealth: boolean; proposeHealth: boolean };
}

const SEVERITY_ORDER = { severe: 0, moderate: 1, mild: 2 } as const;

export async function getPatientSummary(options: { actor: Actor; patientId: string; context?: RequestContext; now?: Date }): Promise<PatientSummary> {
  const patientId = typeof options.patientId === "string" ? options.patientId.trim() : "";
  if (!patientId || patientId.length > 64) throw new AppError("NOT_FOUND");
  const actor = await resolveAccessActor(options.actor);
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const now = options.now ?? new Date();

  const [healthView, recordView, propose] = await Promise.all([
    decideHealthAccess({ actor, patientId, action: "health:view", now }),
    decideAccess({ actor, patientId, action: "view", now }),
    decideHealthAccess({ actor, patientId, action: "health:propose", now }),
  ]);
  if (!healthView.allowed && !recordView.allowed) throw new AppError("NOT_FOUND");
  const patient = await db.user.findUnique({ where: { id: patientId }, select: { id: true, name: true } });
  if (!patient) throw new AppError("NOT_FOUND");

  let health: PatientHealthSummary | null = null;
  if (healthView.allowed) {
    await recordHealthView({ actor, access: healthView, patientId, view: "summary", context: options.context });
    health = await summarizeHealth(patientId, now);
  }

  const recentRecords = !recordView.allowed
    ? []
    : actor.role === "PATIENT"
      ? (await listRecords({ actor: options.actor, input: { limit: SUMMARY_RECENT_RECORDS } })).records
      : (await listSharedRecords({ actor: options.actor, patientId, limit: SUMMARY_RECENT_RECORDS })).records;

  return {
    patient,
    health,
    recentRecords,
    can: { changeHealth: healthView.allowed && healthView.via === "owner", proposeHealth: propose.allowed },
  };
}

async function summarizeHealth(patientId: string, now: Date): Promise<PatientHealthSummary> {
  const rows = await db.healthEntry.findMany({
    where: { patientId, deletedAt: null },
    orderBy: [{ effectiveAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
  });
  const entries = rows.map(toHealthEntryView);
  const today = now.toISOString().slice(0, 10);
  const of = <K extends HealthEntryKind>(kind: K) =>
    entries.filter((entry): entry is HealthEntryViewOf<K> => entry.kind === kind);

  const counts: Partial<Record<HealthEntryKind, number>> = {};
  for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;

  const vitals = of("VITAL_SIGN");
  const latestVitals = VITAL_TYPE_KEYS.flatMap((type) => {
    const readings = vitals.filter((entry) => entry.data.type === type);
    return readings[0] ? [{ type, latest: readings[0], readings: readings.length }] : [];
  });

  return {
    allergies: of("ALLERGY").sort((a, b) => (SEVERITY_ORDER[a.data.severity] ?? 3) - (SEVERITY_ORDER[b.data.severity] ?? 3)),
    activeProblems: of("CONDITION").filter((entry) => entry.data.clinicalStatus === "active"),
    currentMedications: of("MEDICATION").filter((entry) => isCurrentMedication(entry.data, today)),
    recentLabs: of("LAB_RESULT")
      .slice(0, SUMMARY_RECENT_LABS)
      .map((entry) => ({ ...entry, flag: labRangeFlag(entry.data) })),
    latestVitals,
    recentImmunizations: of("IMMUNIZATION").slice(0, SUMMARY_RECENT_IMMUNIZATIONS),
    counts,
  };
}
