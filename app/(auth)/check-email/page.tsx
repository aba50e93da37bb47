import type { Metadata } from "next";
import { MailCheck } from "lucide-react";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { devOutboxEnabled } from "@/lib/env";
import { resendVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <>
      <MailCheck aria-hidden className="size-10 text-accent-700" />
      <h1 className="mt-3 text-2xl font-bold">Check your email</h1>
      <p className="mt-2 text-slate-600">
        We sent a confirmation link{email ? ` to ${email}` : ""}. Open it to finish creating your account. The link works for 24 hours.
      </p>
      {devOutboxEnabled() ? (
        <p className="mt-2 text-slate-600">
          This is a local installation: mails land in the{" "}
          <a href="/dev/outbox" className="font-medium text-accent-700 underline">
            dev outbox
          </a>
          .
        </p>
      ) : null}
      <h2 className="mt-8 font-semibold">No mail after a few minutes?</h2>
      <div className="mt-3">
        <EmailRequestForm action={resendVerificationAction} submitLabel="Send a new link" defaultEmail={email} />
      </div>
    </>
  );
}
