import type { ReactNode } from "react";
import { AreaNav } from "@/components/shell/area-nav";

const ADMIN_LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/clinicians", label: "Clinicians" },
  { href: "/admin/audit", label: "Access log" },
  { href: "/admin/emergency", label: "Emergency access" },
  { href: "/admin/jobs", label: "Jobs" },
];

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AreaNav label="Administration" links={ADMIN_LINKS} />
      {children}
    </>
  );
}
