import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { homePathFor, safeReturnPath } from "@/lib/auth/home-path";

// Where every sign-in lands: requireUser sends the user on to the second
// factor or two-factor enrolment when due, then to the page they asked for.
export default async function HomeRedirect({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeReturnPath(callbackUrl);
  const user = await requireUser({ returnTo: next ?? undefined });
  redirect(next ?? homePathFor(user.role));
}
