import type { Role } from "@/lib/generated/prisma/client";

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  if (role === "ADMIN") return "/admin";
  if (role === "PATIENT") return "/patient";
  return "/clinician";
}

/** Only same-site relative paths are followed after sign-in (no open redirects). */
export function safeReturnPath(candidate: unknown): string | null {
  if (typeof candidate !== "string" || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return null;
  return candidate;
}
