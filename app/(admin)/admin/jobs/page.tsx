import type { Metadata } from "next";
import { ListChecks } from "lucide-react";
import { JobCountsTable } from "@/components/admin/jobs-counts-table";
import { FailedJobsTable } from "@/components/admin/jobs-failed-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getJobStats } from "@/lib/jobs/job-stats";
import { retryFailedJobAction } from "./actions";

export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage() {
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: "/admin/jobs" });
  const stats = await getJobStats({ adminId: admin.id });

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader
        title="Background jobs"
        description="Email, indexing, extraction and clean-up run as jobs and are retried on their own. A job that failed every attempt waits here until you retry it."
      />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="failed-jobs-heading" className="flex flex-col gap-3">
          <h2 id="failed-jobs-heading" className="text-lg font-semibold">
            Failed jobs{stats.totalFailed > 0 ? ` (${stats.totalFailed})` : ""}
          </h2>
          {stats.failed.length > 0 ? (
            <>
              <FailedJobsTable jobs={stats.failed} retry={retryFailedJobAction} />
              {stats.totalFailed > stats.failed.length ? (
                <p className="text-sm text-slate-600">Showing the latest {stats.failed.length} of {stats.totalFailed} failed jobs.</p>
              ) : null}
            </>
          ) : (
            <EmptyState icon={ListChecks} title="No failed jobs">
              Every job has either finished or is still being retried. Jobs that fail all their attempts appear here with their error, so you can fix the cause and retry them.
            </EmptyState>
          )}
        </section>
        <section aria-labelledby="job-counts-heading" className="flex flex-col gap-3">
          <h2 id="job-counts-heading" className="text-lg font-semibold">
            Jobs by type
          </h2>
          {stats.counts.length > 0 ? (
            <JobCountsTable counts={stats.counts} />
          ) : (
            <p className="text-slate-600">No job has been queued yet. Jobs appear here once records are uploaded, shared or emails are sent.</p>
          )}
        </section>
      </div>
    </div>
  );
}
