import { ReauthenticateLink } from "./reauthenticate-link";

/** Shown instead of a sensitive form until the user re-entered their password (5 minutes). */
export function ReauthenticateFirst({ change, returnTo }: { change: string; returnTo: string }) {
  return (
    <>
      <p className="text-slate-600">To change your {change}, first confirm it&apos;s you. You then have 5 minutes.</p>
      <ReauthenticateLink returnTo={returnTo}>Confirm it&apos;s you first</ReauthenticateLink>
    </>
  );
}
