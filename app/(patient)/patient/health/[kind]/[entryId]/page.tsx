import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HealthEntryForm } from "@/components/health/health-entry-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getHealthEntry } from "@/lib/health/get-health-entry";
import { HEALTH_KIND_INFO, kindFromSlug } from "@/lib/validation/health";
import { updateHealthEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Edit health data" };

export default async function EditHealthEntryPage({ params }: { params: Promise<{ kind: string; entryId: string }> }) {
  const { kind: slug, entryId } = await params;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const user = await requireUser({ roles: ["PATIENT"], returnTo: `/patient/health/${slug}/${encodeURIComponent(entryId)}` });
  let found;
  try {
    found = await getHealthEntry({ actor: user, entryId, patientId: user.id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { entry } = found;
  if (entry.kind !== kind) notFound();
  const info = HEALTH_KIND_INFO[kind];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <PageHeader title={`Edit ${info.singular}`} description="The previous values are kept in the entry's history." />
      <HealthEntryForm
        kind={kind}
        initialData={entry.data as Record<string, unknown>}
        submitLabel="Save changes"
        submit={updateHealthEntryAction.bind(null, { entryId: entry.id, expectedVersion: entry.version })}
        doneHref={`/patient/health#health-${info.slug}`}
      />
    </div>
  );
}
