import { FileLock2, History, Share2, Smartphone } from "lucide-react";
import { ButtonLink } from "@/components/ui/button-link";

const features = [
  { icon: FileLock2, title: "Every record in one place", text: "Upload PDFs, photos, lab reports and DICOM studies. MedVault sorts them by type and date for you." },
  { icon: Share2, title: "You decide who sees what", text: "Share with a clinician for a set time and at the level you choose. Revoke with one tap." },
  { icon: History, title: "See every access", text: "A tamper-evident trail shows who opened which record and when." },
  { icon: Smartphone, title: "Works where you are", text: "On your phone at the front desk, on a tablet in the clinic, on a desktop at home." },
];

export default function LandingPage() {
  return (
    <>
      <section className="bg-white">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:py-20">
          <p className="font-semibold text-accent-700">Secure medical records vault</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            MedVault keeps your medical records safe, and in your hands.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-600">
            Keep your records, images and health history in one private vault. Share them with your care team for exactly as
            long as you want, and see every time they are opened.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <ButtonLink href="/sign-up">Create your vault</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </div>
      </section>
      <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 py-12">
        <h2 id="features-heading" className="sr-only">
          What MedVault does
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {features.map(({ icon: Icon, title, text }) => (
            <li key={title} className="rounded-2xl border border-slate-200 bg-white p-6">
              <Icon aria-hidden className="size-7 text-accent-700" />
              <h3 className="mt-3 text-lg font-semibold">{title}</h3>
              <p className="mt-1 text-slate-600">{text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
