import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Create your MedVault account</h1>
      <p className="mt-1 text-slate-600">
        Already have one?{" "}
        <Link href="/sign-in" className="font-medium text-accent-700 underline">
          Sign in
        </Link>
      </p>
      <div className="mt-6">
        <SignUpForm />
      </div>
    </>
  );
}
