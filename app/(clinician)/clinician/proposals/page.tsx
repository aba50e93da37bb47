import type { Metadata } from "next";
import Link from "next/link";
import { FilePen } from "lucide-react";
import { PageLinks } from "@/components/audit/page-links";
import { ProposalCard } from "@/components/proposals/proposal-card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { CLINICIAN_ROLES, hasPermission } from "@/lib/authz/permissions";
import { resolveAccessActor } from "@/lib/authz/decide-access";
import { listProposals, PROPOSALS_PAGE_SIZE } from "@/lib/proposals/list-proposals";
import type { TProposalListQuery } from "@/lib/proposals/schemas";

export const metadata: Metadata = { title: "My proposed changes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TABS: { status: TProposalListQuery["status"]; label: string }[] = [
  { status: "pending", label: "Waiting" },
  { status: "decided", label: "Decided" },
  { status: "all", label: "All" },
];
const href = (status: TProposalListQuery["status"], page = 1) => `/clinician/proposals?status=${status}${page > 1 ? `&page=${page}` : ""}`;

export default async function ClinicianProposalsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ roles: CLINICIAN_ROLES, returnTo: "/clinician/proposals" });
  if (!hasPermission(await resolveAccessActor(user), "grants:use")) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-8">
        <PageHeader title="My proposed changes" />
        <EmptyState icon={FilePen} title="Your account is not verified yet">
          Once an administrator verifies your professional details, you can propose changes to records patients share with you.
        </EmptyState>
      </div>
    );
  }
  const list = await listProposals({ actor: user, view: "mine", query: await searchParams });

  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <PageHeader title="My proposed changes" description="Changes you proposed to patients' records and health data, and what the patients decided." />
      <nav aria-label="Filter proposals" className="mb-5 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((tab) => (
            <li key={tab.status}>
              <Link
                href={href(tab.status)}
                aria-current={tab.status === list.query.status ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center border-b-2 px-4 font-medium",
                  tab.status === list.query.status ? "border-accent-700 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length > 0 ? (
        <section aria-label="Proposals" className="flex flex-col gap-4">
          {list.items.map((proposal) => (
            <ProposalCard key={proposal.id} proposal={proposal} perspective="clinician" />
          ))}
          <PageLinks page={list.page} pageCount={list.pageCount} total={list.total} pageSize={PROPOSALS_PAGE_SIZE} noun="proposals" hrefFor={(page) => href(list.query.status, page)} />
        </section>
      ) : (
        <EmptyState icon={FilePen} title="No proposals here">
          Open a record a patient shared with you at the level “propose edits” and use “Propose a change”. The patient decides; you are notified of the outcome.
        </EmptyState>
      )}
    </div>
  );
}
