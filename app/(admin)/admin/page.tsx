import type { Metadata } from "next";
import Link from "next/link";
import { countPendingClinicians } from "@/lib/admin/clinicians/count-pending-clinicians";
import { requireUser } from "@/lib/auth/current-user";
import { ClipboardCheck, ScrollText, ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

const panels = [
  { icon: ScrollText, title: "Access log", text: "Search every access and change, export it as CSV, and check the audit chain.", href: "/admin/audit", link: "Open the audit trail" },
  { icon: ShieldAlert, title: "Emergency access", text: "Review emergency accesses with their reasons and end any that should not continue.", href: "/admin/emergency", link: "Review emergency access" },
];

export default async function AdminDashboardPage() {
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: "/admin" });
  const pending = await countPendingClinicians({ adminId: admin.id });
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader title="Admin dashboard" description="Verify clinicians, review access and watch compliance." />
      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-label="Clinician verification" className="rounded-2xl border border-slate-200 bg-white p-6">
          <div className="flex items-center gap-2">
            <ClipboardCheck aria-hidden className="size-5 text-accent-700" />
            <h2 className="font-semibold">Clinician verification</h2>
          </div>
          <p className="mt-3 text-slate-600">
            {pending === 0 ? "No clinician is waiting for verification." : `${pending} ${pending === 1 ? "clinician is" : "clinicians are"} waiting for verification.`}
          </p>
          <Link href="/admin/clinicians" className="mt-3 inline-flex min-h-11 items-center font-medium text-accent-700 underline underline-offset-2">
            {pending === 0 ? "Manage clinicians" : "Review pending clinicians"}
          </Link>
        </section>
        {panels.map(({ icon: Icon, title, text, href, link }) => (
          <section key={title} aria-label={title} className="rounded-2xl border border-slate-200 bg-white p-6">
            <div className="flex items-center gap-2">
              <Icon aria-hidden className="size-5 text-accent-700" />
              <h2 className="font-semibold">{title}</h2>
            </div>
            <p className="mt-3 text-slate-600">{text}</p>
            <Link href={href} className="mt-3 inline-flex min-h-11 items-center font-medium text-accent-700 underline underline-offset-2">
              {link}
            </Link>
          </section>
        ))}
      </div>
    </div>
  );
}
