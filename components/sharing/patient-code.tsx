// The code a patient reads out or shows to a clinician who asks for access.
export function PatientCode({ code }: { code: string }) {
  return (
    <section aria-labelledby="patient-code-title" className="rounded-2xl border border-accent-200 bg-accent-50 p-4">
      <h2 id="patient-code-title" className="font-semibold">
        Your patient code
      </h2>
      <p className="mt-1 font-mono text-2xl font-bold tracking-wider text-slate-900" data-testid="patient-code">
        {code}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        A clinician can use this code to ask you for access. They see nothing until you approve, and the code alone opens nothing.
      </p>
    </section>
  );
}
