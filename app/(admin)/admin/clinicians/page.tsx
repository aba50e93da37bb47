import type { Metadata } from "next";
import { SearchX, UserCheck } from "lucide-react";
import { ClinicianSearchForm, ClinicianStatusTabs } from "@/components/admin/clinician-filters";
import { CLINICIANS_PATH, clinicianListHref } from "@/components/admin/clinician-list-href";
import { CliniciansTable } from "@/components/admin/clinicians-table";
import { ClinicianPagination } from "@/components/admin/pagination";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listClinicians } from "@/lib/admin/clinicians/list-clinicians";
import { ZClinicianListQuerySchema } from "@/lib/admin/clinicians/schemas";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Clinicians" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CliniciansPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireUser({ roles: ["ADMIN"], returnTo: CLINICIANS_PATH });
  const query = ZClinicianListQuerySchema.parse(await searchParams);
  const list = await listClinicians({ adminId: admin.id, query });
  const filtered = Boolean(query.q || query.role);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <PageHeader title="Clinicians" description="Verify new clinicians, and suspend or reactivate accounts. Every decision is recorded with its reason." />
      <div className="flex flex-col gap-5">
        <ClinicianSearchForm query={query} />
        <ClinicianStatusTabs query={query} counts={list.counts} />
        {list.rows.length > 0 ? (
          <section aria-label="Accounts">
            <CliniciansTable list={list} query={query} />
            <ClinicianPagination list={list} query={query} />
          </section>
        ) : filtered ? (
          <EmptyState
            icon={SearchX}
            title="No account matches"
            action={
              <ButtonLink variant="secondary" href={clinicianListHref({ ...query, q: undefined, role: undefined, page: 1 })}>
                Clear search and role
              </ButtonLink>
            }
          >
            Check the spelling, search for part of a name, email, organization or license number, or look in another tab.
          </EmptyState>
        ) : (
          <EmptyState icon={UserCheck} title={query.status === "pending" ? "No clinician is waiting for verification" : "No accounts here yet"}>
            {query.status === "pending"
              ? "New physicians, nurses and staff appear here after they sign up and confirm their email. Look in the other tabs to manage verified or suspended accounts."
              : "Accounts appear here as clinicians sign up and are verified or suspended. Try the other tabs."}
          </EmptyState>
        )}
      </div>
    </div>
  );
}
