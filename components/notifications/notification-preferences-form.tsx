"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { ZNotificationPreferencesSchema, type TNotificationPreferences } from "@/lib/notifications/schemas";

export interface PreferenceRow {
  type: NotificationType;
  label: string;
  description: string;
  digestAvailable: boolean;
  inApp: boolean;
  email: boolean;
  dailyDigest: boolean;
}

type SaveResult = { ok: true } | { ok: false; message: string };

/** One row per (non-security) type: in the app, by email, and for uploads a daily digest instead of one mail each. */
export function NotificationPreferencesForm({ preferences, saveAction }: { preferences: PreferenceRow[]; saveAction: (input: TNotificationPreferences) => Promise<SaveResult> }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { register, handleSubmit, control } = useForm<TNotificationPreferences>({
    resolver: zodResolver(ZNotificationPreferencesSchema),
    defaultValues: { preferences: preferences.map(({ type, inApp, email, dailyDigest }) => ({ type, inApp, email, dailyDigest })) },
  });
  const values = useWatch({ control, name: "preferences" });

  const onSubmit = handleSubmit((input) =>
    startTransition(async () => {
      setOutcome(null);
      const result = await saveAction(input);
      setOutcome(result.ok ? { tone: "success", text: "Your notification settings are saved." } : { tone: "error", text: result.message });
    }),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="rounded-2xl border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">What you hear about</h2>
      <p className="mt-1 text-slate-600">Everything is on unless you turn it off.</p>
      <div className="mt-4 flex flex-col divide-y divide-slate-200">
        {preferences.map((row, index) => {
          const emailOn = values?.[index]?.email ?? row.email;
          return (
            <fieldset key={row.type} className="py-4">
              <legend className="font-medium">{row.label}</legend>
              <p className="text-sm text-slate-600">{row.description}</p>
              <input type="hidden" {...register(`preferences.${index}.type`)} />
              <div className="mt-2 flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-6">
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="size-5 accent-accent-700" {...register(`preferences.${index}.inApp`)} />
                  In the app
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" className="size-5 accent-accent-700" {...register(`preferences.${index}.email`)} />
                  By email
                </label>
                {row.digestAvailable ? (
                  <label className={`flex min-h-11 items-center gap-2 ${emailOn ? "" : "text-slate-600"}`}>
                    <input type="checkbox" className="size-5 accent-accent-700" {...register(`preferences.${index}.dailyDigest`)} />
                    One mail a day instead of one each{emailOn ? "" : " (when email is on)"}
                  </label>
                ) : (
                  <input type="hidden" {...register(`preferences.${index}.dailyDigest`)} />
                )}
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="mt-4 flex flex-col gap-3">
        {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
        <Button type="submit" pending={pending} className="self-start">
          Save settings
        </Button>
      </div>
    </form>
  );
}
