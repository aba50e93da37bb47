import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listDevOutbox } from "@/lib/email/list-dev-outbox";
import { devOutboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Dev outbox" };

const LINK = /(https?:\/\/[^\s]+)/g;

/** Plain text with its links made clickable (text is rendered escaped by React). */
function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all font-medium text-accent-700 underline">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

// Mails of a local installation with no email provider. Never shown in a real
// deployment: the links in them sign people in.
export default async function DevOutboxPage() {
  if (!devOutboxEnabled()) notFound();
  const mails = await listDevOutbox();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader title="Dev outbox" description="Mails this local installation would have sent. Newest first." />
      {mails.length === 0 ? (
        <EmptyState icon={Inbox} title="No mail yet">
          Create an account or ask for a password reset: the mails appear here.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-2xl border border-slate-200 bg-white p-5">
              <p className="text-sm text-slate-600">
                To <span className="font-medium text-slate-900">{mail.to}</span> · {mail.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
              </p>
              <h2 className="mt-1 font-semibold">{mail.subject}</h2>
              <p className="mt-2 whitespace-pre-line text-slate-700">
                <TextWithLinks text={mail.text} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
