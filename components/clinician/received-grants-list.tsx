// The patients who shared with this clinician right now: one card per patient,
// each share's terms and end, and a link to the records it covers.
import { ChevronRight, ShieldAlert } from "lucide-react";
import Link from "next/link";
import { LocalTime } from "@/components/admin/local-time";
import { levelLabel, scopeText } from "@/components/sharing/sharing-labels";
import type { ReceivedGrant } from "@/lib/sharing/list-received-grants";

export function ReceivedGrantsList({ grants }: { grants: readonly ReceivedGrant[] }) {
  const byPatient = new Map<string, ReceivedGrant[]>();
  for (const grant of grants) byPatient.set(grant.patient.id, [...(byPatient.get(grant.patient.id) ?? []), grant]);

  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Patients who shared with you">
      {[...byPatient.values()].map((patientGrants) => {
        const patient = patientGrants[0]!.patient;
        const name = patient.name ?? "Unnamed patient";
        return (
          <li key={patient.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
            <Link href={`/clinician/patients/${encodeURIComponent(patient.id)}`} className="flex min-h-11 items-center justify-between gap-2 text-lg font-semibold text-accent-800 underline-offset-2 hover:underline">
              {name}
              <ChevronRight aria-hidden className="size-5" />
            </Link>
            {patientGrants.map((grant) =>
              grant.origin === "EMERGENCY" ? (
                <p key={grant.id} className="flex items-start gap-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900">
                  <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
                  <span>
                    Emergency access, view only, all records, until <LocalTime value={grant.expiresAt.toISOString()} />
                  </span>
                </p>
              ) : (
                <dl key={grant.id} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">Shared</dt>
                  <dd>{scopeText(grant)}</dd>
                  <dt className="text-slate-600">You may</dt>
                  <dd>{levelLabel(grant.level)}</dd>
                  <dt className="text-slate-600">Until</dt>
                  <dd>
                    <LocalTime value={grant.expiresAt.toISOString()} />
                  </dd>
                </dl>
              ),
            )}
          </li>
        );
      })}
    </ul>
  );
}
