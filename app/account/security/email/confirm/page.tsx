import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your new email" };

type SearchParams = Promise<{ token?: string; done?: string; failed?: string; taken?: string }>;

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </div>
  );
}

// Confirming takes a button press, not just opening the link: mail scanners
// that open every link must not use up the token.
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const { token, done, failed, taken } = await searchParams;
  if (done) {
    return (
      <Frame>
        <h1 className="text-2xl font-bold">Email changed</h1>
        <div className="mt-4">
          <Alert tone="success">Your account now uses the new address. Sign in with it from now on; other devices were signed out.</Alert>
        </div>
        <ButtonLink href="/account/security" className="mt-6 w-full">
          Back to security
        </ButtonLink>
      </Frame>
    );
  }
  if (taken) {
    return (
      <Frame>
        <h1 className="text-2xl font-bold">The email was not changed</h1>
        <div className="mt-4">
          <Alert tone="error">That address is now used by another MedVault account, so your account keeps its current address.</Alert>
        </div>
        <ButtonLink href="/account/security/email" variant="secondary" className="mt-6 w-full">
          Choose another address
        </ButtonLink>
      </Frame>
    );
  }
  if (failed || !token) {
    return (
      <Frame>
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <div className="mt-4">
          <Alert tone="error">The link was already used, has expired, or was replaced by a newer one.</Alert>
        </div>
        <p className="mt-4 text-slate-600">
          <Link href="/account/security/email" className="font-medium text-accent-700 underline">
            Ask for a new link
          </Link>
          .
        </p>
      </Frame>
    );
  }
  return (
    <Frame>
      <h1 className="text-2xl font-bold">Confirm your new email</h1>
      <p className="mt-2 text-slate-600">One last step: confirm that this address is yours and should be used for your MedVault account.</p>
      <form action={confirmEmailChangeAction.bind(null, token)} className="mt-6">
        <Button type="submit" className="w-full">
          Use this email address
        </Button>
      </form>
    </Frame>
  );
}
