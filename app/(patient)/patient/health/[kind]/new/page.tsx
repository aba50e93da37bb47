import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HealthEntryForm } from "@/components/health/health-entry-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { HEALTH_KIND_INFO, kindFromSlug } from "@/lib/validation/health";
import { addHealthEntryAction } from "../../actions";

export const metadata: Metadata = { title: "Add to health data" };

export default async function NewHealthEntryPage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind: slug } = await params;
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  await requireUser({ roles: ["PATIENT"], returnTo: `/patient/health/${slug}/new` });
  const info = HEALTH_KIND_INFO[kind];
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <PageHeader title={`Add ${info.singular}`} description="Fields marked optional can stay empty." />
      <HealthEntryForm kind={kind} submitLabel={`Save ${info.singular}`} submit={addHealthEntryAction.bind(null, kind)} doneHref={`/patient/health#health-${info.slug}`} />
    </div>
  );
}
