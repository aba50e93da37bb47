import { ButtonLink } from "@/components/ui/button-link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-600">The page does not exist, or you do not have access to it.</p>
      <ButtonLink href="/" className="mt-6">Go to the start page</ButtonLink>
    </div>
  );
}
