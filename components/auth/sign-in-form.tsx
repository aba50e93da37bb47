"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { signInWithPassword } from "@/app/(auth)/sign-in/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZSignInSchema, type TSignInInput } from "@/lib/validation/auth";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<TSignInInput>({ resolver: zodResolver(ZSignInSchema) });

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await signInWithPassword(values, callbackUrl);
      if (result && !result.ok) setFailure(result.message);
    }),
  );

  // method="post": a submit before hydration must never put the password in the URL.
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label="Email" type="email" autoComplete="username" inputMode="email" error={formState.errors.email?.message} {...register("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={formState.errors.password?.message}
        hint={
          <Link href="/forgot-password" className="font-medium text-accent-700 underline">
            Forgot your password?
          </Link>
        }
        {...register("password")}
      />
      <Button type="submit" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
