import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <p className="mt-2 text-slate-600">Every device signed in to your account will be signed out. Two-factor authentication stays on.</p>
      <div className="mt-6">
        <ResetPasswordForm token={token ?? ""} />
      </div>
    </>
  );
}
