"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Share2, X } from "lucide-react";
import { useState } from "react";
import { findCliniciansAction, grantAccessAction, inviteClinicianAction } from "@/app/(patient)/patient/sharing/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InviteClinicianForm } from "./invite-clinician-form";
import { ShareForm, type ShareableRecord } from "./share-form";

/** "Share records" opens the share form in a dialog; a success message stays on the page after it closes. */
export function ShareDialog({ maxDays, records }: { maxDays: number; records: readonly ShareableRecord[] }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Set (to what was searched for) while the dialog shows "Invite by email".
  const [inviting, setInviting] = useState<string | null>(null);

  return (
    <div className="flex flex-col gap-3">
      <Dialog.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setInviting(null);
        }}
      >
        <Dialog.Trigger asChild>
          <Button className="self-start" onClick={() => setDone(null)}>
            <Share2 aria-hidden className="size-5" /> Share records
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content className="fixed inset-x-0 bottom-0 top-0 z-50 overflow-y-auto bg-white p-5 shadow-xl sm:inset-auto sm:left-1/2 sm:top-1/2 sm:max-h-[90vh] sm:w-[min(92vw,40rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl sm:p-6">
            <div className="mb-4 flex items-start justify-between gap-3">
              <div>
                <Dialog.Title className="text-xl font-semibold">{inviting !== null ? "Invite a clinician by email" : "Share records with a clinician"}</Dialog.Title>
                <Dialog.Description className="mt-1 text-slate-700">
                  They see only what you choose, only until the end date, and you can revoke it at any time.
                </Dialog.Description>
              </div>
              <Dialog.Close asChild>
                <button type="button" className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-slate-100" aria-label="Close">
                  <X aria-hidden className="size-5" />
                </button>
              </Dialog.Close>
            </div>
            {inviting !== null ? (
              <InviteClinicianForm
                maxDays={maxDays}
                records={records}
                initialEmail={inviting}
                invite={inviteClinicianAction}
                onBack={() => setInviting(null)}
                onInvited={(email) => {
                  setDone(`Invitation sent to ${email}. The share starts once they have a verified MedVault clinician account with this address.`);
                  setInviting(null);
                  setOpen(false);
                }}
              />
            ) : (
              <ShareForm
                maxDays={maxDays}
                records={records}
                findClinicians={findCliniciansAction}
                share={grantAccessAction}
                onInvite={(query) => setInviting(query)}
                onShared={(clinician) => {
                  setDone(`Shared with ${clinician?.name ?? "the clinician"}. They can see it now.`);
                  setOpen(false);
                }}
              />
            )}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {done ? <Alert tone="success">{done}</Alert> : null}
    </div>
  );
}
