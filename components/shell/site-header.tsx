import Link from "next/link";
import { Menu, ShieldCheck } from "lucide-react";
import { IdleWarning } from "@/components/auth/idle-warning";
import { HeaderBell } from "@/components/notifications/header-bell";
import { HeaderSearch } from "@/components/search/header-search";
import { currentSession } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";
import { signOutAction } from "./actions";

const ALL_AREAS = [
  { href: "/patient", label: "My records", roles: ["PATIENT"] },
  { href: "/clinician", label: "Patients", roles: ["PHYSICIAN", "NURSE", "STAFF"] },
  { href: "/admin", label: "Admin", roles: ["ADMIN"] },
  { href: "/account/security", label: "Security", roles: ["PATIENT", "PHYSICIAN", "NURSE", "STAFF", "ADMIN"] },
] as const;

function areasFor(role: Role | undefined) {
  return role ? ALL_AREAS.filter((area) => (area.roles as readonly Role[]).includes(role)) : [];
}

function SignOutButton({ className }: { className: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}

const DESKTOP = {
  nav: "ml-auto hidden items-center gap-1 md:flex",
  link: "rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900",
  signOut: "ml-2 min-h-11 rounded-lg px-4 font-semibold text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  signIn: "ml-2 inline-flex min-h-11 items-center justify-center rounded-lg bg-accent-700 px-5 py-2.5 font-semibold text-white hover:bg-accent-800",
};

const PHONE = {
  nav: "absolute right-0 mt-2 flex w-56 flex-col rounded-xl border border-slate-200 bg-white p-2 shadow-lg",
  link: "rounded-md px-3 py-3 font-medium text-slate-700 hover:bg-slate-100",
  signOut: "mt-1 w-full rounded-md px-3 py-3 text-left font-semibold text-slate-700 ring-1 ring-inset ring-slate-300",
  signIn: "mt-1 rounded-md bg-accent-700 px-3 py-3 text-center font-semibold text-white",
};

/** The same links for the desktop bar and the phone menu, styled for each. */
function MainNav({ areas, signedIn, styles }: { areas: ReturnType<typeof areasFor>; signedIn: boolean; styles: typeof DESKTOP }) {
  return (
    <nav aria-label="Main" className={styles.nav}>
      {areas.map((area) => (
        <Link key={area.href} href={area.href} className={styles.link}>
          {area.label}
        </Link>
      ))}
      {signedIn ? (
        <SignOutButton className={styles.signOut} />
      ) : (
        <Link href="/sign-in" className={styles.signIn}>
          Sign in
        </Link>
      )}
    </nav>
  );
}

/** Top bar on every page. On phones the links fold into a menu that works without JavaScript. */
export async function SiteHeader() {
  // The header must not take the page down with it when the database is unreachable.
  const session = await currentSession().catch(() => null);
  const signedIn = session?.state === "active";
  const areas = signedIn ? areasFor(session.user.role) : [];
  // Patients and clinicians search records; admins see no medical content.
  const showSearch = signedIn && session.user.role !== "ADMIN";
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
      {session ? <IdleWarning idleMinutes={env().SESSION_IDLE_MINUTES} /> : null}
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4">
        <Link href="/" className="flex min-h-11 items-center gap-2 text-lg font-bold text-accent-800">
          <ShieldCheck aria-hidden className="size-6" />
          MedVault
        </Link>
        {showSearch ? <HeaderSearch /> : null}
        <MainNav areas={areas} signedIn={Boolean(session)} styles={DESKTOP} />
        {signedIn ? (
          <div className={showSearch ? "" : "ml-auto md:ml-0"}>
            <HeaderBell userId={session.user.id} />
          </div>
        ) : null}
        <details className={signedIn ? "relative md:hidden" : "relative ml-auto md:hidden"}>
          <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
            <Menu aria-hidden className="size-6" />
            <span className="sr-only">Open menu</span>
          </summary>
          <MainNav areas={areas} signedIn={Boolean(session)} styles={PHONE} />
        </details>
      </div>
    </header>
  );
}
