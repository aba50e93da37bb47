// Choices for the search page's filters, from what the user may see now:
// providers of their visible records, and for clinicians the patients whose
// grants are in force.
import { recordWhereFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { listReceivedGrants } from "@/lib/sharing/list-received-grants";

export interface SearchFilterOptions {
  providers: string[];
  /** Clinicians only; empty for patients. */
  patients: Array<{ id: string; name: string }>;
}

const MAX_PROVIDERS = 200;

export async function searchFilterOptions(options: { actor: Actor }): Promise<SearchFilterOptions> {
  const { actor } = options;
  const where = await recordWhereFor({ actor });
  const rows = await db.record.findMany({
    where: { AND: [where, { sourceProvider: { not: null } }] },
    distinct: ["sourceProvider"],
    select: { sourceProvider: true },
    orderBy: { sourceProvider: "asc" },
    take: MAX_PROVIDERS,
  });
  const providers = rows.map((row) => row.sourceProvider).filter((name): name is string => Boolean(name));
  if (actor.role === "PATIENT") return { providers, patients: [] };
  const grants = await listReceivedGrants({ actor }).catch(() => []);
  const patients = new Map<string, string>();
  for (const grant of grants) patients.set(grant.patient.id, grant.patient.name ?? "Patient");
  return { providers, patients: [...patients].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
}
