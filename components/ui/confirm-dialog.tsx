"use client";

// The "are you sure?" dialog every destructive action goes through: a title, what
// happens, an optional error, "keep" (closes) and the confirming button. The
// caller owns the state (open, pending, error) and the action, usually through
// useConfirmAction below; while pending the dialog cannot be closed.
import * as Dialog from "@radix-ui/react-dialog";
import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog; omit when the caller opens it itself. */
  trigger?: ReactNode;
  title: ReactNode;
  description: ReactNode;
  /** Extra lines under the description (for instance the name of what is removed). */
  children?: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  tone?: "danger" | "primary";
  pending: boolean;
  /** A failure to show inside the dialog. */
  error?: string | null;
  onConfirm: () => void;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel,
  tone = "danger",
  pending,
  error,
  onConfirm,
}: ConfirmDialogProps) {
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!pending) onOpenChange(next);
      }}
    >
      {trigger ? <Dialog.Trigger asChild>{trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="break-words text-lg font-semibold">{title}</Dialog.Title>
          {/* A div, not Radix's default <p>: descriptions may hold paragraphs of their own. */}
          <Dialog.Description asChild>
            <div className="mt-2 text-slate-700">{description}</div>
          </Dialog.Description>
          {children}
          {error ? (
            <div className="mt-4">
              <Alert tone="error">{error}</Alert>
            </div>
          ) : null}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </Dialog.Close>
            <Button variant={tone} pending={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** What a confirmed action answers; nothing (it redirected, or there is nothing to do) leaves the dialog as it is. */
export type ConfirmResult = { ok: true } | { ok: false; message: string } | undefined;

/**
 * The state of a dialog that opens from its trigger and runs `action` on confirm:
 * a failure is shown in the dialog, success closes it and calls `onDone`.
 * Spread the result into <ConfirmDialog>.
 */
export function useConfirmAction({ action, onDone }: { action: () => Promise<ConfirmResult>; onDone?: () => void }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const onConfirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await action();
      if (!result) return;
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      onDone?.();
    });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setError(null);
  };

  return { open, onOpenChange, pending, error, onConfirm };
}
