import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HealthEntryForm } from "@/components/health/health-entry-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getHealthEntry } from "@/lib/health/get-health-entry";
import { requestContext } from "@/lib/http/request-context";
import { HEALTH_KIND_INFO, kindFromSlug } from "@/lib/validation/health";
import { proposeHealthEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Propose a change" };

export default async function ProposeHealthChangePage({ params }: { params: Promise<{ patientId: string; kind: string; entryId: string }> }) {
  const { patientId, kind: slug, entryId } = await params;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${base}/health/${slug}/${encodeURIComponent(entryId)}` });
  let found;
  try {
    found = await getHealthEntry({ actor: user, entryId, patientId, context: await requestContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  if (found.entry.kind !== kind || !found.canPropose) notFound();
  const info = HEALTH_KIND_INFO[kind];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <PageHeader title={`Propose a change to this ${info.singular}`} description="Change the values below. The patient sees before and after and decides; nothing changes until they approve." />
      <HealthEntryForm
        kind={kind}
        withNote
        initialData={found.entry.data as Record<string, unknown>}
        submitLabel="Send proposal"
        successMessage="Proposal sent to the patient."
        submit={proposeHealthEntryAction.bind(null, { patientId, entryId: found.entry.id, baseVersion: found.entry.version })}
        doneHref={`${base}/health#health-${info.slug}`}
      />
    </div>
  );
}
