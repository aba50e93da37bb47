// The patient's grants: who holds access, to what, at which level and until
// when; current ones first with "Revoke", then expired and revoked ones.
import { Clock, ShieldAlert } from "lucide-react";
import { LocalTime } from "@/components/admin/local-time";
import type { ListedGrant } from "@/lib/sharing/list-grants";
import { RevokeGrantDialog } from "./revoke-grant-dialog";
import { levelLabel, roleLabel, scopeText } from "./sharing-labels";

const STATE_BADGE = {
  active: { label: "Active", className: "bg-green-100 text-green-900" },
  expired: { label: "Expired", className: "bg-slate-200 text-slate-800" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-slate-800" },
} as const;

const ORIGIN_TEXT = { DIRECT: "Shared by you", REQUEST: "Approved request", EMERGENCY: "Emergency access" } as const;

export function GrantList({ grants, label }: { grants: readonly ListedGrant[]; label: string }) {
  return (
    <ul className="flex flex-col gap-3" aria-label={label}>
      {grants.map((grant) => {
        const name = grant.grantee.name ?? "A clinician";
        const badge = STATE_BADGE[grant.state];
        const emergency = grant.origin === "EMERGENCY";
        return (
          <li key={grant.id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{name}</span>
                <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${badge.className}`}>{badge.label}</span>
                {emergency ? (
                  <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2.5 py-0.5 text-sm font-medium text-amber-900">
                    <ShieldAlert aria-hidden className="size-4" /> Emergency
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">
                {[roleLabel(grant.grantee.role), grant.grantee.specialty, grant.grantee.organization].filter(Boolean).join(" · ")}
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">Shared</dt>
                <dd>{scopeText(grant)}</dd>
                <dt className="text-slate-600">They may</dt>
                <dd>{levelLabel(emergency ? "VIEW" : grant.level)}</dd>
                <dt className="text-slate-600">{grant.state === "revoked" ? "Revoked" : grant.state === "expired" ? "Ended" : "Ends"}</dt>
                <dd className="inline-flex items-center gap-1">
                  <Clock aria-hidden className="size-4 text-slate-500" />
                  <LocalTime value={(grant.state === "revoked" ? grant.revokedAt! : grant.expiresAt).toISOString()} />
                </dd>
                <dt className="text-slate-600">How</dt>
                <dd>{ORIGIN_TEXT[grant.origin]}</dd>
                {grant.reason ? (
                  <>
                    <dt className="text-slate-600">Their reason</dt>
                    <dd className="break-words">{grant.reason}</dd>
                  </>
                ) : null}
              </dl>
            </div>
            {grant.state === "active" ? <RevokeGrantDialog grantId={grant.id} granteeName={name} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
