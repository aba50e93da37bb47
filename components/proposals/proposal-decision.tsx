// Approve or decline, each asking first. The server actions come in bound to
// the proposal, so this stays a plain composition of confirm buttons.
import { ConfirmActionButton, type ConfirmResult } from "@/components/audit/confirm-action-button";

export function ProposalDecision({ subject, approve, reject }: { subject: string; approve: () => Promise<ConfirmResult>; reject: () => Promise<ConfirmResult> }) {
  return (
    <>
      <ConfirmActionButton
        label="Approve"
        variant="primary"
        title="Approve this change?"
        description={<p>The change is applied to {subject}. The current values are kept as an earlier version, and automatic sorting will not overwrite what you approve.</p>}
        confirmLabel="Approve and apply"
        cancelLabel="Not yet"
        run={approve}
      />
      <ConfirmActionButton
        label="Decline"
        title="Decline this change?"
        description={<p>Nothing is changed. The clinician is told that you declined.</p>}
        confirmLabel="Decline"
        cancelLabel="Not yet"
        run={reject}
      />
    </>
  );
}
