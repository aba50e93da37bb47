import Link from "next/link";

export function BackToSecurityLink() {
  return (
    <Link href="/account/security" className="min-h-11 self-start content-center font-medium text-accent-700 underline">
      Back to security
    </Link>
  );
}
