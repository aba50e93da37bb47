"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { confirmEnrolmentAction, startEnrolmentAction } from "@/app/account/security/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZConfirmEnrolmentSchema, type TConfirmEnrolmentInput } from "@/lib/auth/two-factor/schemas";
import { TwoFactorRecoveryCodes } from "./two-factor-recovery-codes";

type Start = { otpauthUrl: string; qrDataUrl: string; manualKey: string };

/** Set-up in three steps: start, scan and confirm a first code, save the recovery codes. */
export function TwoFactorEnrolment({ doneHref }: { doneHref: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [start, setStart] = useState<Start | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<TConfirmEnrolmentInput>({
    resolver: zodResolver(ZConfirmEnrolmentSchema),
    defaultValues: { code: "" },
  });

  const begin = () =>
    startTransition(async () => {
      setFailure(null);
      const result = await startEnrolmentAction();
      if (result.ok) {
        setStart({ otpauthUrl: result.otpauthUrl, qrDataUrl: result.qrDataUrl, manualKey: result.manualKey });
        reset({ code: "" });
      } else setFailure(result.message);
    });

  const confirm = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await confirmEnrolmentAction(values);
      if (result.ok) setRecoveryCodes(result.recoveryCodes);
      else if (result.fieldErrors?.code) setError("code", { message: result.fieldErrors.code[0] });
      else setFailure(result.message);
    }),
  );

  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">Two-factor authentication is on. From now on you will enter a code from your app when you sign in.</Alert>
        <TwoFactorRecoveryCodes
          codes={recoveryCodes}
          onDone={() => {
            router.replace(doneHref);
            router.refresh();
          }}
        />
      </div>
    );
  }

  if (!start) {
    return (
      <div className="flex flex-col gap-4">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <ol className="list-decimal space-y-1 pl-5 text-slate-700">
          <li>Install an authenticator app on your phone, for example Google Authenticator, Microsoft Authenticator or 1Password.</li>
          <li>Scan the QR code we show you, or type in the key.</li>
          <li>Enter the 6-digit code the app shows, then save your recovery codes.</li>
        </ol>
        <Button onClick={begin} pending={pending}>
          Set up two-factor authentication
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <section aria-labelledby="scan-title" className="flex flex-col gap-3">
        <h2 id="scan-title" className="text-xl font-semibold">
          1. Scan this QR code
        </h2>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server; next/image adds nothing here */}
        <img src={start.qrDataUrl} width={240} height={240} alt="QR code to add MedVault to your authenticator app" className="self-center rounded-lg border border-slate-200" />
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="min-h-11 cursor-pointer content-center font-medium text-accent-700">Can&apos;t scan it? Enter the key instead</summary>
          <p className="mt-2 text-sm text-slate-600">In your app choose to add an account by key, use &quot;MedVault&quot; as the name, and type:</p>
          <p className="mt-2 select-all break-all rounded bg-slate-50 p-2 text-center font-mono text-lg tracking-wider" aria-label="Set-up key">
            {start.manualKey}
          </p>
          <p className="mt-2 text-sm text-slate-600">Time-based, 6 digits, every 30 seconds.</p>
          <a href={start.otpauthUrl} className="mt-2 inline-block min-h-11 content-center font-medium text-accent-700 underline">
            Open in an authenticator app on this device
          </a>
        </details>
      </section>
      <form method="post" onSubmit={confirm} noValidate className="flex flex-col gap-4" aria-labelledby="confirm-title">
        <h2 id="confirm-title" className="text-xl font-semibold">
          2. Enter the code from the app
        </h2>
        <Field
          label="6-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          error={formState.errors.code?.message}
          className="[&_input]:font-mono [&_input]:text-lg [&_input]:tracking-widest"
          {...register("code")}
        />
        <Button type="submit" pending={pending}>
          Turn on two-factor authentication
        </Button>
        <button type="button" onClick={begin} disabled={pending} className="min-h-11 self-center font-medium text-accent-700 underline">
          Start again with a new QR code
        </button>
      </form>
    </div>
  );
}
