import type { Metadata } from "next";
import Link from "next/link";
import { ExportPanel } from "@/components/export/export-panel";
import { ImportPanel } from "@/components/export/import-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { latestExport } from "@/lib/export/export-status";

export const metadata: Metadata = { title: "Export and import" };

export default async function ExportPage() {
  const user = await requireUser({ roles: ["PATIENT"], returnTo: "/patient/export" });
  const current = await latestExport({ actor: user });
  const settings = env();

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-6">
      <PageHeader title="Export and import" description="Take your records with you, or bring in records from another provider." />

      <section aria-labelledby="download-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="download-title" className="text-xl font-semibold">
          Download everything
        </h2>
        <p className="text-slate-600">
          One ZIP file with every file in your vault and your health data as a FHIR R4 Bundle (<code>bundle.json</code>), the standard format other
          providers and apps read. We prepare it in the background; the download link works for {settings.EXPORT_LINK_MINUTES} minutes at a time and the file is
          deleted after {settings.EXPORT_KEEP_HOURS} hours.
        </p>
        <ExportPanel initial={current} />
      </section>

      <section aria-labelledby="import-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="import-title" className="text-xl font-semibold">
          Import health data (FHIR)
        </h2>
        <p className="text-slate-600">
          Conditions, medications, allergies, lab results, vital signs and immunizations from a FHIR R4 Bundle, for example one your provider gave you or a
          MedVault export. Files (documents, images) are not imported: upload them on the <Link href="/patient" className="font-medium text-accent-700 underline">records page</Link>.
        </p>
        <ImportPanel maxBytes={settings.FHIR_IMPORT_MAX_BYTES} />
      </section>

      <section aria-labelledby="api-title" className="flex flex-col gap-2">
        <h2 id="api-title" className="text-lg font-semibold">
          For apps: the FHIR API
        </h2>
        <p className="text-slate-600">
          While you are signed in, your own data is also readable at{" "}
          <a className="break-all font-medium text-accent-700 underline" href={`/api/fhir/R4/Patient/${encodeURIComponent(user.id)}`}>
            /api/fhir/R4/Patient/{user.id}
          </a>{" "}
          and, by type, at <code>/api/fhir/R4/Observation</code>, <code>/api/fhir/R4/Condition</code> and so on.
        </p>
        <p className="text-slate-600">
          Leaving MedVault? After downloading, you can{" "}
          <Link href="/account/delete" className="font-medium text-accent-700 underline">
            delete your account
          </Link>
          . <Link href="/privacy" className="font-medium text-accent-700 underline">What we keep after that</Link>.
        </p>
      </section>
    </div>
  );
}
