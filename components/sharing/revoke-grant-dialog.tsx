"use client";

import { revokeGrantAction } from "@/app/(patient)/patient/sharing/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmAction } from "@/components/ui/confirm-dialog";

/** Revoking asks first; "Revoke now" ends the access at once. */
export function RevokeGrantDialog({ grantId, granteeName, revoke = revokeGrantAction }: { grantId: string; granteeName: string; revoke?: typeof revokeGrantAction }) {
  const confirm = useConfirmAction({ action: () => revoke({ grantId }) });

  return (
    <ConfirmDialog
      {...confirm}
      trigger={
        <Button variant="secondary" className="w-full sm:w-auto">
          Revoke<span className="sr-only"> access of {granteeName}</span>
        </Button>
      }
      title={<>Revoke access for {granteeName}?</>}
      description="From now on they cannot open, preview or download these records. A download link they already started stops working within a few minutes."
      cancelLabel="Keep sharing"
      confirmLabel="Revoke now"
    />
  );
}
