// Clinicians (with their professional profile) and admins for the admin-area
// integration tests, built on tests/factories/users.ts. Every row is unique, so
// tests that search or count scope themselves with a per-test token.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";
import { createUser } from "./users";

export interface CreateClinicianOptions {
  role?: Extract<Role, "PHYSICIAN" | "NURSE" | "STAFF">;
  status?: UserStatus;
  name?: string;
  licenseNumber?: string;
  specialty?: string;
  organization?: string;
  /** Marks the profile verified by this admin (status is whatever `status` says). */
  verifiedById?: string;
  /** Skip password hashing when many rows are needed (the account cannot sign in with a password). */
  withoutPassword?: boolean;
}

export const uniqueToken = () => randomBytes(5).toString("hex");

export async function createClinician(options: CreateClinicianOptions = {}) {
  const { user } = await createUser({
    role: options.role ?? "PHYSICIAN",
    status: options.status ?? "PENDING_VERIFICATION",
    ...(options.withoutPassword ? { password: null } : {}),
  });
  const unique = uniqueToken();
  const updated = await db.user.update({
    where: { id: user.id },
    data: {
      ...(options.name ? { name: options.name } : {}),
      clinicianProfile: {
        create: {
          licenseNumber: options.licenseNumber ?? `LIC-${unique}`,
          specialty: options.specialty ?? "Cardiology",
          organization: options.organization ?? `Clinic ${unique}`,
          verifiedAt: options.verifiedById ? new Date() : null,
          verifiedById: options.verifiedById ?? null,
        },
      },
    },
    select: { id: true, email: true, name: true, role: true, status: true },
  });
  return updated;
}

/** An active admin (two-factor is a session matter; the use cases check role and status). */
export async function createAdminUser(options: { status?: UserStatus } = {}) {
  const { user } = await createUser({ role: "ADMIN", status: options.status ?? "ACTIVE", password: null });
  return user;
}
