export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">
        MedVault keeps your records encrypted at rest and shares them only with the people you choose.
      </div>
    </footer>
  );
}
