import type { Metadata } from "next";
import { History, SearchX } from "lucide-react";
import { ActivityFilters } from "@/components/audit/activity-filters";
import { ActivityList } from "@/components/audit/activity-list";
import { PageLinks } from "@/components/audit/page-links";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { activityHref } from "@/lib/audit/activity-schema";
import { ACTIVITY_PAGE_SIZE, listPatientActivity } from "@/lib/audit/list-patient-activity";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Who saw my data" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const patient = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/activity" });
  const activity = await listPatientActivity({ actor: patient, query: await searchParams });
  const { query } = activity;
  const filtered = Boolean(query.who || query.what || query.from || query.to);

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader
        title="Who saw my data"
        description="Every time someone viewed, downloaded, shared or changed your records and health data, newest first. Entries cannot be changed or removed, not even by us."
      />
      <div className="flex flex-col gap-5">
        <ActivityFilters query={query} people={activity.people} />
        {activity.items.length > 0 ? (
          <section aria-label="Activity">
            <ActivityList items={activity.items} />
            <PageLinks
              page={activity.page}
              pageCount={activity.pageCount}
              total={activity.total}
              pageSize={ACTIVITY_PAGE_SIZE}
              noun="events"
              hrefFor={(page) => activityHref({ ...query, page })}
            />
          </section>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title="Nothing matches these filters"
            action={
              <ButtonLink variant="secondary" href="/patient/activity">
                Show all activity
              </ButtonLink>
            }
          >
            Try another person, another kind of activity or a wider date range.
          </EmptyState>
        ) : (
          <EmptyState icon={History} title="No activity yet">
            When you upload records or share them, and whenever a clinician you shared with opens them, it shows up here.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
