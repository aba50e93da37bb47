import { ButtonLink } from "@/components/ui/button-link";

/** Sends the user to "Confirm it's you" and back to `returnTo` afterwards. */
export function ReauthenticateLink({ returnTo, children }: { returnTo: string; children: React.ReactNode }) {
  return (
    <ButtonLink variant="secondary" href={`/account/reauthenticate?returnTo=${encodeURIComponent(returnTo)}`}>
      {children}
    </ButtonLink>
  );
}
