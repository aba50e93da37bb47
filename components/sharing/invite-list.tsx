"use client";

// The patient's invitations still waiting for the clinician to join, each with
// its terms and "Cancel" (asks first).
import { Clock, Mail } from "lucide-react";
import { cancelClinicianInvitationAction } from "@/app/(patient)/patient/sharing/actions";
import { LocalTime } from "@/components/admin/local-time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmAction } from "@/components/ui/confirm-dialog";
import type { PublicError } from "@/lib/errors";
import type { GrantLevel, GrantScope } from "@/lib/generated/prisma/enums";
import { levelLabel, scopeText } from "./sharing-labels";

export interface ListedInvitation {
  id: string;
  email: string;
  scope: GrantScope;
  categories: readonly string[];
  recordCount: number;
  level: GrantLevel;
  /** ISO instants (the list is rendered by the client). */
  expiresAt: string;
  inviteExpiresAt: string;
}

type Cancel = (input: { invitationId: string }) => Promise<({ ok: true } & { outcome: string }) | ({ ok: false } & PublicError)>;

export function InviteList({ invitations, cancel = cancelClinicianInvitationAction }: { invitations: readonly ListedInvitation[]; cancel?: Cancel }) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Pending invitations">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2">
              <Mail aria-hidden className="size-4 text-slate-500" />
              <span className="break-all font-semibold">{invitation.email}</span>
              <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-sm font-medium text-amber-900">Invited</span>
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">Would share</dt>
              <dd>
                {scopeText(invitation)}
              </dd>
              <dt className="text-slate-600">They may</dt>
              <dd>{levelLabel(invitation.level)}</dd>
              <dt className="text-slate-600">Share ends</dt>
              <dd className="inline-flex items-center gap-1">
                <Clock aria-hidden className="size-4 text-slate-500" />
                <LocalTime value={invitation.expiresAt} />
              </dd>
              <dt className="text-slate-600">Invitation valid until</dt>
              <dd>
                <LocalTime value={invitation.inviteExpiresAt} dateOnly />
              </dd>
            </dl>
          </div>
          <CancelInvitationDialog invitationId={invitation.id} email={invitation.email} cancel={cancel} />
        </li>
      ))}
    </ul>
  );
}

function CancelInvitationDialog({ invitationId, email, cancel }: { invitationId: string; email: string; cancel: Cancel }) {
  const confirm = useConfirmAction({ action: () => cancel({ invitationId }) });

  return (
    <ConfirmDialog
      {...confirm}
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          Cancel<span className="sr-only"> the invitation of {email}</span>
        </Button>
      }
      title={<>Cancel the invitation of {email}?</>}
      description="Nothing will be shared with this address, even if they join MedVault later. The mail they already received cannot be taken back, but it says nothing about you or your records."
      cancelLabel="Keep the invitation"
      confirmLabel="Cancel invitation"
    />
  );
}
