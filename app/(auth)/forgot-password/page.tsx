import type { Metadata } from "next";
import Link from "next/link";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      <p className="mt-2 text-slate-600">Enter your email and we will send you a link to choose a new one. Two-factor authentication stays on.</p>
      <div className="mt-6">
        <EmailRequestForm action={requestPasswordResetAction} submitLabel="Send reset link" />
      </div>
      <p className="mt-6 text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-accent-700 underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
