import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
        <p>MedVault keeps your records encrypted at rest and shares them only with the people you choose.</p>
        <nav aria-label="Footer">
          <Link href="/privacy" className="inline-flex min-h-11 items-center font-medium text-accent-700 underline-offset-2 hover:underline">
            Privacy
          </Link>
        </nav>
      </div>
    </footer>
  );
}
