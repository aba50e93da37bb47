import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HealthEntryForm } from "@/components/health/health-entry-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { getHealthPermissions } from "@/lib/health/get-health-permissions";
import { HEALTH_KIND_INFO, kindFromSlug } from "@/lib/validation/health";
import { proposeHealthEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Propose new entry" };

export default async function ProposeNewHealthEntryPage({ params }: { params: Promise<{ patientId: string; kind: string }> }) {
  const { patientId, kind: slug } = await params;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${base}/health/${slug}/new` });
  if (!(await getHealthPermissions({ actor: user, patientId })).canPropose) notFound();
  const info = HEALTH_KIND_INFO[kind];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <PageHeader title={`Propose a new ${info.singular}`} description="The patient is notified and decides. Nothing is added until they approve." />
      <HealthEntryForm
        kind={kind}
        withNote
        submitLabel="Send proposal"
        successMessage="Proposal sent to the patient."
        submit={proposeHealthEntryAction.bind(null, { patientId, kind })}
        doneHref={`${base}/health#health-${info.slug}`}
      />
    </div>
  );
}
