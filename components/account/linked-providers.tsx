// The security page's "Linked sign-in providers": each provider switched on in
// this deployment, linked or not, with Link / Unlink. Hidden when none is.
import { Link2 } from "lucide-react";
import { linkProviderAction } from "@/app/account/security/link-actions";
import { Button } from "@/components/ui/button";
import { linkedProvidersOverview } from "@/lib/auth/linked-accounts/linked-providers-overview";
import { configuredOAuthProviders } from "@/lib/auth/providers";
import { LocalDate } from "./local-date";
import { LinkedProvidersNotice } from "./linked-providers-notice";
import { UnlinkProviderDialog } from "./linked-providers-unlink-dialog";

export async function LinkedProviders({ userId }: { userId: string }) {
  const configured = configuredOAuthProviders();
  if (configured.length === 0) return null;
  const overview = await linkedProvidersOverview({ userId, providers: configured });

  return (
    <section aria-labelledby="linked-providers-title" className="rounded-2xl border border-slate-200 bg-white p-6">
      <div className="flex items-start gap-3">
        <Link2 aria-hidden className="mt-0.5 size-6 shrink-0 text-slate-600" />
        <div className="flex-1">
          <h2 id="linked-providers-title" className="text-lg font-semibold">
            Linked sign-in providers
          </h2>
          <p className="mt-1 text-slate-600">Sign in with another account you already have. You will be asked to confirm it&apos;s you before linking.</p>
        </div>
      </div>
      <div className="mt-4 flex flex-col gap-4">
        <LinkedProvidersNotice names={Object.fromEntries(configured.map((p) => [p.id, p.name]))} />
        <ul className="flex flex-col divide-y divide-slate-200 border-t border-slate-200">
          {overview.providers.map((provider) => (
            <li key={provider.id} className="flex flex-col gap-3 pt-4 sm:flex-row sm:items-center sm:justify-between [&:not(:first-child)]:mt-0 [&:not(:first-child)]:pt-4">
              <div>
                <p className="font-medium">{provider.name}</p>
                <p className="text-slate-600">
                  {provider.linkedAt ? (
                    <>
                      Linked since <LocalDate iso={provider.linkedAt.toISOString()} />
                    </>
                  ) : (
                    "Not linked"
                  )}
                </p>
                {provider.linkedAt && !provider.canUnlink ? (
                  <p className="text-sm text-slate-600">This is your only way to sign in, so it cannot be unlinked.</p>
                ) : null}
              </div>
              {provider.linkedAt ? (
                provider.canUnlink ? (
                  <UnlinkProviderDialog provider={provider.id} name={provider.name} />
                ) : null
              ) : (
                <form action={linkProviderAction.bind(null, provider.id)}>
                  <Button type="submit" variant="secondary" className="w-full sm:w-auto">
                    Link {provider.name}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
