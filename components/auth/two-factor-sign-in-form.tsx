"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { verifySecondFactor } from "@/app/(auth)/sign-in/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { ZSecondFactorSchema, type TSecondFactorInput } from "@/lib/auth/two-factor/schemas";

type Method = TSecondFactorInput["method"];

const attemptsText = (left: number) => `${left} attempt${left === 1 ? "" : "s"} left before this sign-in ends.`;

/** Code entry at sign-in: the authenticator's code, or a recovery code instead. */
export function TwoFactorSignInForm({ callbackUrl, attemptsLeft: initialAttemptsLeft }: { callbackUrl?: string; attemptsLeft: number }) {
  const [pending, startTransition] = useTransition();
  const [method, setMethod] = useState<Method>("totp");
  const [failure, setFailure] = useState<string | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState(initialAttemptsLeft);
  const [ended, setEnded] = useState(false);
  const { register, handleSubmit, formState, reset, setFocus } = useForm<TSecondFactorInput>({
    resolver: zodResolver(ZSecondFactorSchema),
    defaultValues: { method: "totp", code: "" },
  });

  const switchTo = (next: Method) => {
    setMethod(next);
    setFailure(null);
    reset({ method: next, code: "" });
    setTimeout(() => setFocus("code"), 0);
  };

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await verifySecondFactor(values, callbackUrl);
      if (!result || result.ok) return;
      if (result.sessionEnded) setEnded(true);
      if (result.attemptsLeft !== undefined) setAttemptsLeft(result.attemptsLeft);
      setFailure(result.message);
      reset({ method, code: "" });
    }),
  );

  if (ended) {
    const signIn = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error">{failure}</Alert>
        <ButtonLink href={signIn}>Back to sign in</ButtonLink>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? (
        <Alert tone="error">
          {failure} {attemptsLeft < 5 ? attemptsText(attemptsLeft) : null}
        </Alert>
      ) : attemptsLeft < 5 ? (
        <Alert tone="info">{attemptsText(attemptsLeft)}</Alert>
      ) : null}
      <input type="hidden" {...register("method")} />
      {method === "totp" ? (
        <Field
          key="totp"
          label="6-digit code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          autoFocus
          error={formState.errors.code?.message}
          className="[&_input]:font-mono [&_input]:text-lg [&_input]:tracking-widest"
          {...register("code")}
        />
      ) : (
        <Field
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCDE-12345"
          hint="Each recovery code works once."
          error={formState.errors.code?.message}
          className="[&_input]:font-mono [&_input]:text-lg"
          {...register("code")}
        />
      )}
      <Button type="submit" pending={pending}>
        Verify
      </Button>
      <button
        type="button"
        onClick={() => switchTo(method === "totp" ? "recovery_code" : "totp")}
        className="min-h-11 self-center rounded-md px-2 font-medium text-accent-700 underline"
      >
        {method === "totp" ? "Use a recovery code instead" : "Use the code from your app instead"}
      </button>
    </form>
  );
}
