// Steps shared by the health data integration tests: sample data per kind and
// grants written straight to the database (the sharing use cases have their
// own tests).
import { db } from "@/lib/db";
import type { GrantLevel, GrantScope, RecordCategory } from "@/lib/generated/prisma/client";

export { accessActor, auditFor, context, createPatient, createRecordRow, createVerifiedClinician, errorOf } from "../sharing/helpers";

export const allergy = { substance: "Penicillin", reaction: "Hives", severity: "severe", notedDate: "2019-05-01" };
export const lab = { test: "HbA1c", value: "7.9", unit: "%", referenceLow: "4", referenceHigh: "5.6", takenAt: "2025-10-01" };
export const condition = { name: "Type 2 diabetes", clinicalStatus: "active", onsetDate: "2020-02-10" };

export async function grant(options: { patientId: string; granteeId: string; level: GrantLevel; scope?: GrantScope; categories?: RecordCategory[] }) {
  return db.grant.create({
    data: {
      patientId: options.patientId,
      granteeId: options.granteeId,
      level: options.level,
      scope: options.scope ?? "ALL",
      categories: options.categories ?? [],
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
    },
  });
}
