import type { Metadata } from "next";
import { SearchX, ShieldAlert, ShieldCheck } from "lucide-react";
import { AuditEventsTable } from "@/components/audit/admin-audit-table";
import { AdminAuditFilters } from "@/components/audit/admin-audit-filters";
import { ConfirmActionButton } from "@/components/audit/confirm-action-button";
import { PageLinks } from "@/components/audit/page-links";
import { LocalTime } from "@/components/admin/local-time";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getChainOverview } from "@/lib/admin/audit/chain-status";
import { ADMIN_AUDIT_PATH, adminAuditHref } from "@/lib/admin/audit/schemas";
import { ADMIN_AUDIT_PAGE_SIZE, searchAuditEvents } from "@/lib/admin/audit/search-audit-events";
import { requireUser } from "@/lib/auth/current-user";
import { verifyChainAction } from "./actions";

export const metadata: Metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: ADMIN_AUDIT_PATH });
  const [result, chain] = await Promise.all([searchAuditEvents({ adminId: admin.id, query: await searchParams }), getChainOverview({ adminId: admin.id })]);
  const { query } = result;
  const filtered = Boolean(query.user || query.patient || query.action || query.outcome || query.from || query.to);
  const last = chain.lastVerification;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader title="Audit trail" description="Every access and change, append-only and hash-chained. Identifiers and outcomes only, never medical content." />

      <section aria-labelledby="chain-title" className="mb-6 flex flex-col gap-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex gap-3">
          {last && !last.ok ? <ShieldAlert aria-hidden className="size-6 shrink-0 text-red-700" /> : <ShieldCheck aria-hidden className="size-6 shrink-0 text-green-700" />}
          <div>
            <h2 id="chain-title" className="font-semibold">
              Chain status:{" "}
              {last ? (last.ok ? <span className="text-green-800">intact</span> : <span className="text-red-800">BROKEN at event {last.brokenAtId} ({last.problem?.replace("_", " ")})</span>) : "not verified yet"}
            </h2>
            <p className="text-slate-600">
              {chain.events} events in the trail.{" "}
              {last ? (
                <>
                  Last verified <LocalTime value={last.at} /> ({last.events} events checked).
                </>
              ) : (
                "Verify it to check that no event was changed or removed."
              )}
            </p>
          </div>
        </div>
        <ConfirmActionButton
          label="Verify now"
          title="Verify the whole audit chain?"
          description="This reads every event and checks its hash. It may take a while on a large trail; the result is recorded in the trail."
          confirmLabel="Verify"
          run={verifyChainAction}
        />
      </section>

      <div className="flex flex-col gap-5">
        <AdminAuditFilters query={query} />
        <form method="post" action="/admin/audit/export" className="flex flex-wrap items-center gap-3">
          {(["user", "patient", "action", "outcome", "from", "to"] as const).map((key) => (query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null))}
          <Button type="submit" variant="secondary" disabled={result.total === 0}>
            Export {result.total} {result.total === 1 ? "event" : "events"} as CSV
          </Button>
          <p className="text-sm text-slate-600">The export follows the filters above and is itself recorded in the trail.</p>
        </form>
        {result.items.length > 0 ? (
          <section aria-label="Events">
            <AuditEventsTable rows={result.items} />
            <PageLinks page={result.page} pageCount={result.pageCount} total={result.total} pageSize={ADMIN_AUDIT_PAGE_SIZE} noun="events" hrefFor={(page) => adminAuditHref({ ...query, page })} />
          </section>
        ) : (
          <EmptyState
            icon={SearchX}
            title={filtered ? "No event matches" : "The trail is empty"}
            action={
              filtered ? (
                <ButtonLink variant="secondary" href={ADMIN_AUDIT_PATH}>
                  Clear the filters
                </ButtonLink>
              ) : undefined
            }
          >
            {filtered ? "Check the email address or id, use an action prefix such as “record.”, or widen the dates." : "Events appear here as people sign in and use their records."}
          </EmptyState>
        )}
      </div>
    </div>
  );
}
