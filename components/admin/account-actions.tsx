"use client";

// Verify / suspend / reactivate for one account. Each action is a small form
// with its reason, validated with the same zod rules as the server; suspension
// asks for confirmation first. The result stays visible here after the page
// data refreshes, even when the form that produced it is gone (e.g. after
// verifying, the Verify form disappears).
import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { Ban, BadgeCheck, RotateCcw } from "lucide-react";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { ZOptionalNoteSchema, ZReasonSchema } from "@/lib/admin/clinicians/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ReasonField } from "./reason-field";

export type AdminActionResult = { ok: boolean; tone: "success" | "info" | "error"; message: string; fieldErrors?: Record<string, string[]> };
export type AdminAction = (input: unknown) => Promise<AdminActionResult>;

const ZRequiredReasonForm = z.object({ reason: ZReasonSchema });
const ZOptionalNoteForm = z.object({ reason: ZOptionalNoteSchema });

interface AccountActionsProps {
  userId: string;
  status: "ACTIVE" | "PENDING_VERIFICATION" | "SUSPENDED";
  /** A clinician waiting for verification. */
  canVerify: boolean;
  accountLabel: string;
  verify: AdminAction;
  suspend: AdminAction;
  reactivate: AdminAction;
}

export function AccountActions(props: AccountActionsProps) {
  const [result, setResult] = useState<AdminActionResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The form that was used may be gone after the refresh (e.g. Verify): keep
  // keyboard and screen-reader users on the result instead of the page top.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  return (
    <div className="flex flex-col gap-6">
      {result ? (
        <div ref={resultRef} tabIndex={-1} className="rounded-lg">
          <Alert tone={result.tone}>{result.message}</Alert>
        </div>
      ) : null}
      {props.canVerify ? <VerifyForm {...props} onResult={setResult} /> : null}
      {props.status !== "SUSPENDED" ? <SuspendForm {...props} onResult={setResult} /> : null}
      {props.status === "SUSPENDED" ? <ReactivateForm {...props} onResult={setResult} /> : null}
    </div>
  );
}

type FormProps = AccountActionsProps & { onResult: (result: AdminActionResult) => void };

/** What the submit step does to its form: clear it after success, show a server-side field error. */
interface ReasonFormHooks {
  clear: () => void;
  showError: (message: string) => void;
}

/** Sends the reason to the server action and reports the result; a field error from the server lands on the field. */
function useReasonSubmit(action: AdminAction, props: FormProps, form: ReasonFormHooks) {
  const [pending, startTransition] = useTransition();
  const submit = (reason: string | undefined) =>
    startTransition(async () => {
      const result = await action({ userId: props.userId, reason });
      props.onResult(result);
      if (result.ok) form.clear();
      else if (result.fieldErrors?.reason?.[0]) form.showError(result.fieldErrors.reason[0]);
    });
  return { pending, submit };
}

function hooksOf<T extends FieldValues & { reason?: string }, C, O>(form: UseFormReturn<T, C, O>): ReasonFormHooks {
  const field = "reason" as Path<T>;
  return {
    clear: () => form.setValue(field, "" as PathValue<T, Path<T>>),
    showError: (message) => form.setError(field, { message }),
  };
}

function VerifyForm(props: FormProps) {
  const form = useForm({ resolver: zodResolver(ZOptionalNoteForm), defaultValues: { reason: "" } });
  const { pending, submit } = useReasonSubmit(props.verify, props, hooksOf(form));
  return (
    <form noValidate onSubmit={form.handleSubmit(({ reason }) => submit(reason))} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5">
      <h3 className="font-semibold">Verify this clinician</h3>
      <p className="text-slate-600">Verify only after checking the license number with the issuing body. The clinician is told by email.</p>
      <ReasonField label="Note (optional)" hint="For example, how the license was checked. Kept in the audit trail." maxLength={500} error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <div>
        <Button type="submit" pending={pending}>
          <BadgeCheck aria-hidden className="size-4" />
          Verify clinician
        </Button>
      </div>
    </form>
  );
}

function SuspendForm(props: FormProps) {
  const form = useForm({ resolver: zodResolver(ZRequiredReasonForm), defaultValues: { reason: "" } });
  const { pending, submit } = useReasonSubmit(props.suspend, props, hooksOf(form));
  const [confirming, setConfirming] = useState(false);
  const formId = `suspend-${props.userId}`;
  return (
    <form id={formId} noValidate onSubmit={form.handleSubmit(() => setConfirming(true))} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5">
      <h3 className="font-semibold">Suspend this account</h3>
      <p className="text-slate-600">Takes effect at once: every session ends and the user cannot sign in until reactivated.</p>
      <ReasonField label="Reason" hint="3 to 500 characters. Kept in the audit trail; not sent to the user." maxLength={500} required error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <div>
        <Button id={`${formId}-submit`} type="submit" variant="danger" pending={pending}>
          <Ban aria-hidden className="size-4" />
          Suspend account…
        </Button>
      </div>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content
            onCloseAutoFocus={(event) => {
              // Opened from the form's submit, not a Dialog.Trigger: return focus there.
              event.preventDefault();
              document.getElementById(`${formId}-submit`)?.focus();
            }}
            className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
            <Dialog.Title className="text-lg font-semibold">Suspend {props.accountLabel}?</Dialog.Title>
            <Dialog.Description className="mt-2 text-slate-600">
              They are signed out on every device right away and told by email. You can reactivate the account later.
            </Dialog.Description>
            <div className="mt-6 flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button
                variant="danger"
                pending={pending}
                onClick={() => {
                  setConfirming(false);
                  submit(form.getValues("reason"));
                }}
              >
                Suspend
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </form>
  );
}

function ReactivateForm(props: FormProps) {
  const form = useForm({ resolver: zodResolver(ZRequiredReasonForm), defaultValues: { reason: "" } });
  const { pending, submit } = useReasonSubmit(props.reactivate, props, hooksOf(form));
  return (
    <form noValidate onSubmit={form.handleSubmit(({ reason }) => submit(reason))} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5">
      <h3 className="font-semibold">Reactivate this account</h3>
      <p className="text-slate-600">The user can sign in again (earlier sessions stay ended). A clinician who was never verified goes back to pending verification.</p>
      <ReasonField label="Reason" hint="3 to 500 characters. Kept in the audit trail." maxLength={500} required error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <div>
        <Button type="submit" pending={pending}>
          <RotateCcw aria-hidden className="size-4" />
          Reactivate account
        </Button>
      </div>
    </form>
  );
}
