"use client";

// Shows a calm message; the details stay in the server log (never medical content).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">Nothing you entered was lost. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 min-h-11 rounded-lg bg-accent-700 px-5 font-semibold text-white hover:bg-accent-800">
        Try again
      </button>
    </div>
  );
}
