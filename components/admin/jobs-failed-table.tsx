"use client";

// The latest jobs that failed every attempt, newest first, each with a Retry
// button. The error is the queue's sanitized one-liner; payloads are never shown.
// The result of a retry is shown above the table and takes focus: the retried
// row (and the button that was pressed) disappears when the page data refreshes.
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { FailedJobRow } from "@/lib/jobs/job-stats";
import { LocalTime } from "./local-time";
import { JobRetryButton, type JobAction, type JobActionResult } from "./jobs-retry-button";

export function FailedJobsTable({ jobs, retry }: { jobs: FailedJobRow[]; retry: JobAction }) {
  const [result, setResult] = useState<JobActionResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  return (
    <div className="flex flex-col gap-3">
      {result ? (
        <div ref={resultRef} tabIndex={-1} className="rounded-lg">
          <Alert tone={result.tone}>{result.message}</Alert>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
        <table className="w-full min-w-[960px] text-sm">
          <caption className="sr-only">Failed jobs, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3 text-left font-semibold">Job</th>
              <th scope="col" className="px-4 py-3 text-left font-semibold">Type</th>
              <th scope="col" className="px-4 py-3 text-right font-semibold">Attempts</th>
              <th scope="col" className="px-4 py-3 text-left font-semibold">Last error</th>
              <th scope="col" className="px-4 py-3 text-left font-semibold">Failed</th>
              <th scope="col" className="px-4 py-3 text-left font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((job) => (
              <tr key={job.id} className="align-top">
                <td className="px-4 py-3 font-mono">{job.id}</td>
                <td className="px-4 py-3 font-mono">{job.type}</td>
                <td className="px-4 py-3 text-right tabular-nums">
                  {job.attempts} of {job.maxAttempts}
                </td>
                <td className="max-w-md px-4 py-3 break-words text-slate-800">{job.lastError ?? "—"}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <LocalTime value={job.failedAt} />
                </td>
                <td className="px-4 py-3">
                  <JobRetryButton jobId={job.id} retry={retry} onResult={setResult} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
