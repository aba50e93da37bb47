// Demo accounts for local development: one of each role the product is built
// around, so every area can be tried right after `npm run dev`. Idempotent:
// missing accounts are created, existing ones are left exactly as they are (a
// changed password or an enrolled second factor survives a restart).
// Run standalone with `npm run db:seed` (uses DATABASE_URL, default the embedded one).
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";

/** Shared by the three demo accounts; printed at start, so it must never guard real data. */
export const DEMO_PASSWORD = "medvault-demo-2026";

export interface DemoAccount {
  email: string;
  role: Role;
  password: string;
}

type SeedDb = Pick<Db, "user" | "clinicianProfile">;

const ACCOUNTS = {
  admin: { email: "admin@medvault.local", name: "Alex Admin", role: "ADMIN" },
  patient: { email: "patient@medvault.local", name: "Pat Patient", role: "PATIENT" },
  physician: { email: "dr.grey@medvault.local", name: "Dr. Meredith Grey", role: "PHYSICIAN" },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

async function ensureUser(db: SeedDb, account: { email: string; name: string; role: Role }): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (existing) return existing.id;
  // upsert rather than create: two starts racing each other must not fail on the unique email.
  const user = await db.user.upsert({
    where: { email: account.email },
    create: {
      email: account.email,
      name: account.name,
      role: account.role,
      status: "ACTIVE",
      emailVerified: new Date(),
      passwordHash: await hashPassword(DEMO_PASSWORD),
    },
    update: {},
    select: { id: true },
  });
  return user.id;
}

export async function seedDemoAccounts(db: SeedDb): Promise<DemoAccount[]> {
  const adminId = await ensureUser(db, ACCOUNTS.admin);
  await ensureUser(db, ACCOUNTS.patient);
  const physicianId = await ensureUser(db, ACCOUNTS.physician);

  // Verified by the demo admin, so the physician can be granted access right away.
  await db.clinicianProfile.upsert({
    where: { userId: physicianId },
    create: {
      userId: physicianId,
      licenseNumber: "DEMO-MD-104729",
      specialty: "Internal Medicine",
      organization: "Grey Sloan Memorial Hospital (demo)",
      verifiedAt: new Date(),
      verifiedById: adminId,
    },
    update: {},
  });

  return [ACCOUNTS.patient, ACCOUNTS.physician, ACCOUNTS.admin].map(({ email, role }) => ({ email, role, password: DEMO_PASSWORD }));
}

async function main() {
  const { db } = await import("@/lib/db");
  try {
    for (const account of await seedDemoAccounts(db)) console.log(`${account.role.padEnd(9)} ${account.email}`);
    console.log(`Password for all demo accounts: ${DEMO_PASSWORD}`);
  } finally {
    await db.$disconnect();
  }
}

// Standalone (`npm run db:seed`, `prisma db seed`); importing this file runs nothing.
if (/[\\/]prisma[\\/]seed\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
