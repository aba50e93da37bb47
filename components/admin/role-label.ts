import type { Role } from "@/lib/generated/prisma/enums";

const LABELS: Record<Role, string> = { PATIENT: "Patient", PHYSICIAN: "Physician", NURSE: "Nurse", STAFF: "Staff", ADMIN: "Admin" };

export const roleLabel = (role: Role) => LABELS[role];
