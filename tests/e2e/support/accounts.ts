// Accounts for the browser journeys, written straight to the run's database
// (`npm test` passes its DATABASE_URL and ENCRYPTION_KEY to Playwright as it does
// to the server) with the same factories the integration tests use.
import "./server-modules";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { UserStatus } from "@/lib/generated/prisma/client";
import { createUser, type CreatedUser } from "@/tests/factories/users";

export { createUser, type CreatedUser };

export function requireRunDatabase(): void {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run the e2e suite through `npm test -- --only=e2e`.");
}

export const uniqueEmail = (label: string) => `${label}-${randomBytes(6).toString("hex")}@example.test`;

/** A strong password the sign-up policy accepts (long, not in the common list). */
export const strongPassword = () => `lantern harbour ${randomBytes(5).toString("hex")} violet`;

/**
 * A physician with a known password and a professional profile. The profile is
 * what tests/factories/clinicians.ts writes; that factory does not hand back the
 * password, which a browser sign-in needs.
 */
export async function createPhysician(options: { status: UserStatus; totp?: boolean; verifiedById?: string }): Promise<CreatedUser & { name: string }> {
  const created = await createUser({ role: "PHYSICIAN", status: options.status, totp: options.totp });
  const unique = randomBytes(5).toString("hex");
  const name = `Dr E2E ${unique}`;
  await db.user.update({
    where: { id: created.user.id },
    data: {
      name,
      clinicianProfile: {
        create: {
          licenseNumber: `LIC-${unique}`,
          specialty: "Cardiology",
          organization: `Clinic ${unique}`,
          verifiedAt: options.verifiedById ? new Date() : null,
          verifiedById: options.verifiedById ?? null,
        },
      },
    },
  });
  return { ...created, name };
}

export async function accountState(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { status: true, totpEnabledAt: true, clinicianProfile: { select: { verifiedAt: true, verifiedById: true } } },
  });
}

export async function liveSessionCount(userId: string): Promise<number> {
  return db.session.count({ where: { userId, revokedAt: null } });
}

export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
}
