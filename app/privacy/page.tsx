import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8">
      {account === "deleted" ? <Alert tone="success">Your account and everything in it have been deleted. You have been signed out.</Alert> : null}
      {account === "deleting" ? (
        <Alert tone="info">Your account is closed and you have been signed out. Removing your files is finishing in the background; it completes on its own.</Alert>
      ) : null}
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Privacy</h1>
        <p className="mt-1 text-slate-600">What MedVault keeps, for how long, and what remains when you delete your account.</p>
      </header>

      <section aria-labelledby="while-you-use" className="flex flex-col gap-2">
        <h2 id="while-you-use" className="text-xl font-semibold">
          While you use MedVault
        </h2>
        <p>
          Your files are kept in our blob storage; your health data, sharing choices and account settings in our database. Clinicians see only what
          you share with them, for as long as you share it. Every view, download, change and share is written to a tamper-evident audit trail that you can read
          under &ldquo;Who saw my data&rdquo;.
        </p>
      </section>

      <section aria-labelledby="after-deletion" className="flex flex-col gap-2">
        <h2 id="after-deletion" className="text-xl font-semibold">
          When you delete your account
        </h2>
        <p>
          We delete every file (and its previews), your health data and its history, your exports, your sharing and access requests, your notifications and
          settings, your sign-in methods and sessions, and your account itself. Clinicians you shared with are told that their access ended.
        </p>
        <p>
          Only the <strong>audit trail</strong> remains, because the law requires a record of who accessed medical records. Each remaining entry holds:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>when it happened, and what kind of action it was (for example &ldquo;record downloaded&rdquo;, &ldquo;sharing ended&rdquo;, &ldquo;account deleted&rdquo;);</li>
          <li>the internal identifiers of the people involved and of the record or share concerned, and their role (patient, clinician, admin);</li>
          <li>whether it was allowed or refused, the network address and the browser name it came from;</li>
          <li>for deleted files, a tombstone: type, size, category and a checksum of the file, never its name or content.</li>
        </ul>
        <p>
          The audit trail never holds medical content: no file contents or names, no diagnoses, results or notes, no passwords or links. The entries are chained
          together so that no one, including us, can alter or remove one unnoticed. After your account is deleted, the identifiers in them no longer lead to a
          name or an email address in MedVault.
        </p>
      </section>
    </div>
  );
}
