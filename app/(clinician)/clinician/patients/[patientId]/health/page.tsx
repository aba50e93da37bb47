import { ChevronLeft, PencilLine } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { describeEntry } from "@/components/health/describe-entry";
import { HealthSections } from "@/components/health/health-sections";
import { ButtonLink } from "@/components/ui/button-link";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getHealthPermissions } from "@/lib/health/get-health-permissions";
import { listHealthEntries } from "@/lib/health/list-health-entries";
import { requestContext } from "@/lib/http/request-context";
import { HEALTH_KIND_INFO } from "@/lib/validation/health";

export const metadata: Metadata = { title: "Patient health data" };

export default async function ClinicianHealthPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const base = `/clinician/patients/${encodeURIComponent(patientId)}`;
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: `${base}/health` });
  const permissions = await getHealthPermissions({ actor: user, patientId });
  if (!permissions.canView || !permissions.patient) notFound();
  let entries;
  try {
    entries = await listHealthEntries({ actor: user, patientId, context: await requestContext() });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { canPropose } = permissions;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-6">
      <Link href={`${base}/summary`} className="inline-flex min-h-11 items-center gap-1 self-start font-medium text-accent-700 underline-offset-2 hover:underline">
        <ChevronLeft aria-hidden className="size-4" /> Summary
      </Link>
      <header>
        <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">Health data of {permissions.patient.name ?? "the patient"}</h1>
        <p className="mt-1 text-slate-700">
          {canPropose
            ? "You may propose changes and new entries. Nothing changes until the patient approves."
            : "You may view this data. Proposing changes needs a “contribute” or “propose edits” share."}
        </p>
      </header>
      <HealthSections
        viewer="clinician"
        entries={entries}
        addLink={canPropose ? (kind) => ({ href: `${base}/health/${HEALTH_KIND_INFO[kind].slug}/new`, label: "Propose new entry" }) : undefined}
        entryActions={
          canPropose
            ? (entry) => (
                <ButtonLink href={`${base}/health/${HEALTH_KIND_INFO[entry.kind].slug}/${encodeURIComponent(entry.id)}`} variant="secondary" className="px-3">
                  <PencilLine aria-hidden className="size-4" /> Propose a change<span className="sr-only"> to {describeEntry(entry).title}</span>
                </ButtonLink>
              )
            : undefined
        }
      />
    </div>
  );
}
