// Every page of one patient (records, a record, upload, summary, health): a
// patient this clinician may not see right now is a 404, and an open
// emergency access shows its banner with the time left and "End now".
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { EmergencyBanner } from "@/components/clinician/emergency-banner";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getSharedPatientAccess, type SharedPatientAccess } from "@/lib/sharing/shared-patient-access";
import { endEmergencyAccessAction } from "./actions";

export default async function ClinicianPatientLayout({ children, params }: { children: ReactNode; params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `/clinician/patients/${encodeURIComponent(patientId)}` });
  let access: SharedPatientAccess;
  try {
    access = await getSharedPatientAccess({ actor: user, patientId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <>
      {access.emergency ? <EmergencyBanner grantId={access.emergency.id} expiresAt={access.emergency.expiresAt.toISOString()} end={endEmergencyAccessAction} /> : null}
      {children}
    </>
  );
}
