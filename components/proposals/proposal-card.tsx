// One proposal with a clear before/after: a row per field, the old value and
// the new one. Generic over record metadata and health data. On a phone the
// rows stack ("Now" / "Proposed"); on wider screens they form a table.
import { LocalTime } from "@/components/admin/local-time";
import { personLabel } from "@/lib/audit/person-label";
import type { ListedProposal } from "@/lib/proposals/list-proposals";
import type { ReactNode } from "react";

const STATUS: Record<ListedProposal["status"], { label: string; className: string }> = {
  PENDING: { label: "Waiting for a decision", className: "bg-amber-100 text-amber-900" },
  APPROVED: { label: "Approved and applied", className: "bg-green-100 text-green-900" },
  REJECTED: { label: "Declined", className: "bg-slate-100 text-slate-800" },
  OUTDATED: { label: "Out of date, nothing changed", className: "bg-slate-100 text-slate-800" },
};

const KIND_WORDS: Record<string, string> = {
  CONDITION: "condition",
  MEDICATION: "medication",
  ALLERGY: "allergy",
  LAB_RESULT: "lab result",
  VITAL_SIGN: "vital sign",
  IMMUNIZATION: "immunization",
};

export function proposalSubject(proposal: ListedProposal): string {
  if (proposal.subject.kind === "record") return proposal.subject.name ? `the record “${proposal.subject.name}”` : "a record that was deleted";
  const kind = proposal.subject.healthKind ? (KIND_WORDS[proposal.subject.healthKind] ?? "health data") : "health data";
  return proposal.subject.isNew ? `a new ${kind} entry` : `a ${kind} entry`;
}

export function ProposalCard({ proposal, perspective, actions }: { proposal: ListedProposal; perspective: "patient" | "clinician"; actions?: ReactNode }) {
  const status = STATUS[proposal.status];
  const who = perspective === "patient" ? (proposal.proposedBy ? personLabel(proposal.proposedBy) : "A clinician whose account was deleted") : "You";
  const headingId = `proposal-${proposal.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-2xl bg-white p-4 ring-1 ring-slate-200 sm:p-5">
      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 id={headingId} className="break-words font-semibold">
            {who} proposed a change to {proposalSubject(proposal)}
            {perspective === "clinician" ? ` of ${proposal.patient.name ?? "a patient"}` : ""}
          </h3>
          <p className="text-sm text-slate-600">
            Proposed <LocalTime value={proposal.createdAt} />
            {proposal.decidedAt ? (
              <>
                {" "}
                · decided <LocalTime value={proposal.decidedAt} />
              </>
            ) : null}
          </p>
        </div>
        <span className={`self-start rounded-full px-2.5 py-0.5 text-sm font-semibold ${status.className}`}>{status.label}</span>
      </header>

      {proposal.note ? (
        <div className="mt-3 rounded-lg bg-slate-50 p-3">
          <p className="text-sm font-medium text-slate-600">{perspective === "patient" ? "Their note" : "Your note"}</p>
          <p className="whitespace-pre-wrap break-words">{proposal.note}</p>
        </div>
      ) : null}

      <table className="mt-3 w-full text-left">
        <caption className="sr-only">What would change</caption>
        <thead className="hidden sm:table-header-group">
          <tr className="text-sm text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Now
            </th>
            <th scope="col" className="py-1 font-medium">
              Proposed
            </th>
          </tr>
        </thead>
        <tbody>
          {proposal.changes.map((change) => (
            <tr key={change.field} className="block border-t border-slate-200 py-2 sm:table-row sm:py-0">
              <th scope="row" className="block py-1 pr-3 font-semibold sm:table-cell sm:py-2">
                {change.label}
              </th>
              <td className="block py-0.5 pr-3 sm:table-cell sm:py-2">
                <span className="text-sm text-slate-600 sm:sr-only">Now: </span>
                <del className="break-words text-slate-700 decoration-slate-400">{change.before}</del>
              </td>
              <td className="block py-0.5 sm:table-cell sm:py-2">
                <span className="text-sm text-slate-600 sm:sr-only">Proposed: </span>
                <ins className="break-words font-medium text-green-900 no-underline">{change.after}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {actions ? <div className="mt-4 flex flex-wrap gap-3">{actions}</div> : null}
    </article>
  );
}
