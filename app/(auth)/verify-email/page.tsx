import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email" };

type SearchParams = Promise<{ token?: string; done?: string; failed?: string }>;

// Confirming takes a button press, not just opening the link: mail scanners
// that open every link must not use up the token.
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token, done, failed } = await searchParams;
  if (done) {
    return (
      <>
        <h1 className="text-2xl font-bold">Email confirmed</h1>
        <div className="mt-4">
          <Alert tone="success">Your email address is confirmed. You can sign in now.</Alert>
        </div>
        <ButtonLink href="/sign-in" className="mt-6 w-full">
          Sign in
        </ButtonLink>
      </>
    );
  }
  if (failed || !token) {
    return (
      <>
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <div className="mt-4">
          <Alert tone="error">The link was already used or has expired.</Alert>
        </div>
        <p className="mt-4 text-slate-600">
          <Link href="/check-email" className="font-medium text-accent-700 underline">
            Ask for a new confirmation link
          </Link>{" "}
          or, if you already confirmed, <Link href="/sign-in" className="font-medium text-accent-700 underline">sign in</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Confirm your email</h1>
      <p className="mt-2 text-slate-600">One last step: confirm that this email address is yours.</p>
      <form action={confirmEmailAction.bind(null, token)} className="mt-6">
        <Button type="submit" className="w-full">
          Confirm my email
        </Button>
      </form>
    </>
  );
}
