import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import { HealthSections } from "@/components/health/health-sections";
import { RemoveEntryDialog } from "@/components/health/remove-entry-dialog";
import { describeEntry } from "@/components/health/describe-entry";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listHealthEntries } from "@/lib/health/list-health-entries";
import { HEALTH_KIND_INFO } from "@/lib/validation/health";
import { removeHealthEntryAction } from "./actions";

export const metadata: Metadata = { title: "Health data" };

export default async function HealthPage() {
  const user = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/health" });
  const entries = await listHealthEntries({ actor: user, patientId: user.id });

  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      <PageHeader title="Health data" description="Your conditions, medications, allergies, lab results, vital signs and immunizations. Every change is kept." />
      <HealthSections
        entries={entries}
        addLink={(kind) => ({ href: `/patient/health/${HEALTH_KIND_INFO[kind].slug}/new`, label: `Add ${HEALTH_KIND_INFO[kind].singular}` })}
        entryActions={(entry) => (
          <>
            <ButtonLink href={`/patient/health/${HEALTH_KIND_INFO[entry.kind].slug}/${encodeURIComponent(entry.id)}`} variant="secondary" className="px-3">
              <Pencil aria-hidden className="size-4" /> Edit<span className="sr-only"> {describeEntry(entry).title}</span>
            </ButtonLink>
            <RemoveEntryDialog
              title={describeEntry(entry).title}
              what={HEALTH_KIND_INFO[entry.kind].singular}
              remove={removeHealthEntryAction.bind(null, { entryId: entry.id, expectedVersion: entry.version })}
            />
          </>
        )}
      />
    </div>
  );
}
