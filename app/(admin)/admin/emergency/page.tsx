import type { Metadata } from "next";
import { History, Siren } from "lucide-react";
import { EmergencyAccessList } from "@/components/audit/emergency-access-list";
import { OutcomeAnnouncer } from "@/components/audit/outcome-announcer";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EMERGENCY_PAST_LIMIT, listEmergencyAccesses } from "@/lib/admin/audit/list-emergency-accesses";
import { requireUser } from "@/lib/auth/current-user";
import { endEmergencyAccessAction } from "./actions";

export const metadata: Metadata = { title: "Emergency access" };

export default async function AdminEmergencyPage() {
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: "/admin/emergency" });
  const { open, past } = await listEmergencyAccesses({ adminId: admin.id });

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader
        title="Emergency access"
        description="Clinicians who opened a patient's records without a grant. Each lasts at most 4 hours, view only, and the patient was told at once. Review the reason and end any that should not continue."
      />
      <OutcomeAnnouncer>
        <section aria-labelledby="open-title" className="mb-8">
          <h2 id="open-title" className="mb-3 text-xl font-semibold">
            Open now ({open.length})
          </h2>
          {open.length > 0 ? (
            <EmergencyAccessList rows={open} endAction={endEmergencyAccessAction} />
          ) : (
            <EmptyState icon={Siren} title="No emergency access is open">
              When a clinician opens a patient&apos;s records in an emergency, it appears here until it ends, and you are notified.
            </EmptyState>
          )}
        </section>
        <section aria-labelledby="past-title">
          <h2 id="past-title" className="mb-3 text-xl font-semibold">
            Past (latest {EMERGENCY_PAST_LIMIT})
          </h2>
          {past.length > 0 ? (
            <EmergencyAccessList rows={past} />
          ) : (
            <EmptyState icon={History} title="No past emergency access">
              Emergency accesses that ended or expired are kept here for review.
            </EmptyState>
          )}
        </section>
      </OutcomeAnnouncer>
    </div>
  );
}
