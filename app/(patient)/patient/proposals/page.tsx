import type { Metadata } from "next";
import Link from "next/link";
import { Inbox } from "lucide-react";
import { OutcomeAnnouncer } from "@/components/audit/outcome-announcer";
import { PageLinks } from "@/components/audit/page-links";
import { ProposalCard, proposalSubject } from "@/components/proposals/proposal-card";
import { ProposalDecision } from "@/components/proposals/proposal-decision";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listProposals, PROPOSALS_PAGE_SIZE } from "@/lib/proposals/list-proposals";
import type { TProposalListQuery } from "@/lib/proposals/schemas";
import { decideProposalAction } from "./actions";

export const metadata: Metadata = { title: "Proposed changes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TABS: { status: TProposalListQuery["status"]; label: string }[] = [
  { status: "pending", label: "Waiting for you" },
  { status: "decided", label: "Decided" },
  { status: "all", label: "All" },
];

const href = (status: TProposalListQuery["status"], page = 1) => `/patient/proposals?status=${status}${page > 1 ? `&page=${page}` : ""}`;

export default async function PatientProposalsPage({ searchParams }: { searchParams: SearchParams }) {
  const patient = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/proposals" });
  const list = await listProposals({ actor: patient, view: "inbox", query: await searchParams });

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader
        title="Proposed changes"
        description="Clinicians you allowed to propose edits suggest corrections here. Nothing changes until you approve, and the earlier values are always kept."
      />
      <nav aria-label="Filter proposals" className="mb-5 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((tab) => {
            const current = tab.status === list.query.status;
            return (
              <li key={tab.status}>
                <Link
                  href={href(tab.status)}
                  aria-current={current ? "page" : undefined}
                  className={cn("inline-flex min-h-11 items-center gap-2 border-b-2 px-4 font-medium", current ? "border-accent-700 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900")}
                >
                  {tab.label}
                  {tab.status === "pending" ? <span className="rounded-full bg-slate-100 px-2 text-sm text-slate-700">{list.pendingCount}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <OutcomeAnnouncer>
        {list.items.length > 0 ? (
          <section aria-label="Proposals" className="flex flex-col gap-4">
            {list.items.map((proposal) => (
              <ProposalCard
                key={proposal.id}
                proposal={proposal}
                perspective="patient"
                actions={
                  proposal.status === "PENDING" ? (
                    <ProposalDecision subject={proposalSubject(proposal)} approve={decideProposalAction.bind(null, proposal.id, "approve")} reject={decideProposalAction.bind(null, proposal.id, "reject")} />
                  ) : undefined
                }
              />
            ))}
            <PageLinks page={list.page} pageCount={list.pageCount} total={list.total} pageSize={PROPOSALS_PAGE_SIZE} noun="proposals" hrefFor={(page) => href(list.query.status, page)} />
          </section>
        ) : (
          <EmptyState icon={Inbox} title={list.query.status === "pending" ? "Nothing is waiting for you" : "No proposals here"}>
            When a clinician you shared with at the level “propose edits” suggests a change to a record or your health data, it appears here for you to approve or decline. You can share at that level from Sharing.
          </EmptyState>
        )}
      </OutcomeAnnouncer>
    </div>
  );
}
