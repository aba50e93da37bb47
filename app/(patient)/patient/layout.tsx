import type { ReactNode } from "react";
import { AreaNav } from "@/components/shell/area-nav";

// Every part of a patient's vault, in the order a patient reaches for them.
const PATIENT_LINKS = [
  { href: "/patient", label: "Records" },
  { href: "/patient/summary", label: "Summary" },
  { href: "/patient/health", label: "Health data" },
  { href: "/patient/sharing", label: "Sharing" },
  { href: "/patient/proposals", label: "Proposed changes" },
  { href: "/patient/activity", label: "Who saw my data" },
  { href: "/patient/export", label: "Export" },
];

export default function PatientLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AreaNav label="My vault" links={PATIENT_LINKS} />
      {children}
    </>
  );
}
