"use client";

import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";

// The OAuth round trip comes back to the security page with ?linked= or ?link_error=.
const ERRORS: Record<string, string> = {
  linked_to_other_user: "That account is already linked to a different MedVault account, so it was not linked here.",
  reauthentication_required: "Please confirm it's you, then link the provider again.",
  session_not_active: "Your session has ended. Sign in again, then link the provider.",
  unavailable: "That provider is not available.",
};

export function LinkedProvidersNotice({ names }: { names: Record<string, string> }) {
  const params = useSearchParams();
  const linked = params.get("linked");
  const error = params.get("link_error");
  if (error) return <Alert tone="error">{ERRORS[error] ?? "Linking did not work. Please try again."}</Alert>;
  if (linked && names[linked]) return <Alert tone="success">{names[linked]} is now linked. You can use it to sign in.</Alert>;
  return null;
}
