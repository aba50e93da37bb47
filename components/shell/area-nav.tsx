"use client";
// The second row of navigation inside an area (patient, clinician, admin): one
// list of links per area, the current one marked for screen readers too.
// Scrolls sideways on a phone instead of wrapping into several rows.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type AreaLink = { href: string; label: string };

const isUnder = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

// The area's first link is its home: current for every page no other link claims
// (a record page belongs to "Records", a patient's page to "Patients").
function currentHref(pathname: string, links: AreaLink[]) {
  const [root, ...rest] = links;
  return rest.find((link) => isUnder(pathname, link.href))?.href ?? root?.href;
}

export function AreaNav({ label, links }: { label: string; links: AreaLink[] }) {
  const current = currentHref(usePathname(), links);
  return (
    <nav aria-label={label} className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4">
        {links.map((link) => {
          const isCurrentLink = link.href === current;
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={isCurrentLink ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center border-b-2 px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-accent-700",
                  isCurrentLink ? "border-accent-700 text-accent-800" : "border-transparent text-slate-700 hover:text-slate-900",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
