"use client";

// A button that asks first: the action runs only from the dialog's confirm
// button, then the page refreshes and the outcome is announced.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmAction } from "@/components/ui/confirm-dialog";
import { useAnnounce } from "./outcome-announcer";

export type ConfirmResult = { ok: true; message: string } | { ok: false; message: string };

interface ConfirmActionButtonProps {
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  run: () => Promise<ConfirmResult>;
}

export function ConfirmActionButton({ label, title, description, confirmLabel, cancelLabel = "Cancel", variant = "secondary", run }: ConfirmActionButtonProps) {
  const router = useRouter();
  // Inside an OutcomeAnnouncer the success message is shown above the list (this item may leave it).
  const announce = useAnnounce();
  const [succeeded, setSucceeded] = useState<string | null>(null);
  const dialog = useConfirmAction({
    action: async () => {
      setSucceeded(null);
      const result = await run();
      if (result.ok) {
        setSucceeded(result.message);
        announce?.({ tone: "success", message: result.message });
      }
      return result;
    },
    onDone: () => router.refresh(),
  });

  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmDialog
        {...dialog}
        trigger={<Button variant={variant}>{label}</Button>}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        tone={variant === "danger" ? "danger" : "primary"}
      />
      {succeeded && !announce ? (
        <p role="status" className="text-sm font-medium text-green-800">
          {succeeded}
        </p>
      ) : null}
    </div>
  );
}
