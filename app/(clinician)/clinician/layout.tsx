import type { ReactNode } from "react";
import { AreaNav } from "@/components/shell/area-nav";

const CLINICIAN_LINKS = [
  { href: "/clinician", label: "Patients" },
  { href: "/clinician/proposals", label: "My proposals" },
];

export default function ClinicianLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AreaNav label="Clinician" links={CLINICIAN_LINKS} />
      {children}
    </>
  );
}
