// The patient a clinician is about to upload records for, on the contribute
// page: only with a grant that allows uploads (CONTRIBUTE) for that patient
// right now. Any other patient, a VIEW-only grant, an expired or revoked one and
// a patient that does not exist are all NOT_FOUND, as everywhere else.
import { canUploadFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { ZIssueUploadSlotSchema } from "@/lib/validation/records";

export interface ContributionTarget {
  patientId: string;
  /** As the patient named themself; null if they gave no name. */
  patientName: string | null;
}

const ZPatientIdSchema = ZIssueUploadSlotSchema.shape.patientId;

export async function findContributionTarget(options: { actor: Actor; patientId: string }): Promise<ContributionTarget> {
  const patientId = parseInput(ZPatientIdSchema, options.patientId);
  // The patient uploads for themself on their own records page, not here.
  if (options.actor.id === patientId || !(await canUploadFor({ actor: options.actor, patientId }))) throw new AppError("NOT_FOUND");
  const patient = await db.user.findUnique({ where: { id: patientId }, select: { id: true, name: true } });
  if (!patient) throw new AppError("NOT_FOUND");
  return { patientId: patient.id, patientName: patient.name?.trim() || null };
}
