"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZSignUpSchema, type TSignUpInput } from "@/lib/validation/auth";

const ROLE_CHOICES = [
  { value: "patient", label: "Patient", hint: "Keep and share my own records" },
  { value: "physician", label: "Physician", hint: "Verified by an administrator" },
  { value: "nurse", label: "Nurse", hint: "Verified by an administrator" },
  { value: "staff", label: "Care staff", hint: "Verified by an administrator" },
] as const;

// Clinician fields exist only on one branch of the union; one flat shape keeps the form simple.
type FormValues = TSignUpInput & { licenseNumber?: string; specialty?: string; organization?: string };

export function SignUpForm() {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, control, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(ZSignUpSchema) as never,
    defaultValues: { role: "patient" },
  });
  const role = useWatch({ control, name: "role" });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFailure(null);
      const result = await signUpAction(values);
      if (!result || result.ok) return;
      setFailure(result.message);
      for (const [field, messages] of Object.entries(result.fieldErrors)) setError(field as keyof FormValues, { message: messages[0] });
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <fieldset>
        <legend className="font-medium text-slate-800">I am a</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {ROLE_CHOICES.map((choice) => (
            <label key={choice.value} className="flex min-h-11 cursor-pointer flex-col rounded-lg border border-slate-300 p-3 has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-700">
              <span className="flex items-center gap-2 font-medium">
                <input type="radio" value={choice.value} className="size-4 accent-accent-700" {...register("role")} />
                {choice.label}
              </span>
              <span className="mt-1 text-sm text-slate-600">{choice.hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Full name" autoComplete="name" error={errors.name?.message} {...register("name")} />
      <Field label="Email" type="email" autoComplete="email" inputMode="email" error={errors.email?.message} {...register("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A short sentence you can remember works well."
        error={errors.password?.message}
        {...register("password")}
      />
      {role !== "patient" ? (
        <>
          <Field label="License number" autoComplete="off" error={errors.licenseNumber?.message} {...register("licenseNumber")} />
          <Field label="Specialty" error={errors.specialty?.message} {...register("specialty")} />
          <Field label="Organization" autoComplete="organization" error={errors.organization?.message} {...register("organization")} />
        </>
      ) : null}
      <Button type="submit" pending={pending}>
        Create account
      </Button>
    </form>
  );
}
