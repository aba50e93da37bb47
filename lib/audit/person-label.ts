// How a patient knows the people in their trail. Pure (client-safe).
import type { Role } from "@/lib/generated/prisma/enums";

/** "Dr. Ana Lee" for physicians, "Ana Lee (nurse)" and so on. */
export function personLabel(person: { name: string | null; role: Role }): string {
  const name = person.name?.trim() || "Someone without a name";
  if (person.role === "PHYSICIAN") return /^dr\.?\s/i.test(name) ? name : `Dr. ${name}`;
  if (person.role === "NURSE") return `${name} (nurse)`;
  if (person.role === "STAFF") return `${name} (clinic staff)`;
  return name;
}
