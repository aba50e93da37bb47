// Unique users for integration tests, written straight to the per-run database.
// Returns the plain password / TOTP secret / recovery codes the test needs to sign in.
import { randomBytes } from "node:crypto";
import speakeasy from "speakeasy";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession, type ResolvedSession } from "@/lib/auth/sessions/resolve-session";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { generateTotpSecret, totpSecretContext } from "@/lib/auth/totp";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";

export interface CreateUserOptions {
  role?: Role;
  status?: UserStatus;
  /** A password to set; `null` for an OAuth-only account; default a random one. */
  password?: string | null;
  /** Turn two-factor on with a fresh secret (and ten recovery codes). */
  totp?: boolean;
}

export interface CreatedUser {
  user: { id: string; email: string; role: Role };
  password: string | null;
  totpSecret: string | null;
  recoveryCodes: string[];
}

export async function createUser(options: CreateUserOptions = {}): Promise<CreatedUser> {
  const unique = randomBytes(6).toString("hex");
  const email = `user-${unique}@example.test`;
  const password = options.password === undefined ? `correct horse ${unique}` : options.password;
  const secret = options.totp ? generateTotpSecret({ accountName: email }).base32 : null;

  const user = await db.user.create({
    data: {
      email,
      name: `Test ${unique}`,
      emailVerified: new Date(),
      role: options.role ?? "PATIENT",
      status: options.status ?? "ACTIVE",
      passwordHash: password === null ? null : await hashPassword(password),
    },
    select: { id: true, email: true, role: true },
  });

  let recoveryCodes: string[] = [];
  if (secret) {
    recoveryCodes = generateRecoveryCodes();
    await db.user.update({
      where: { id: user.id },
      data: {
        totpSecretEncrypted: encryptSecret({ plaintext: secret, associatedData: totpSecretContext(user.id) }),
        totpEnabledAt: new Date(),
        recoveryCodes: { create: recoveryCodes.map((code) => ({ codeHash: hashRecoveryCode({ code }) })) },
      },
    });
  }
  return { user, password, totpSecret: secret, recoveryCodes };
}

/** The code an authenticator app shows for `secret` in the 30-second step `step`. */
export function totpCodeAt(secret: string, step: number): string {
  return speakeasy.totp({ secret, encoding: "base32", algorithm: "sha1", digits: 6, counter: step });
}

export const testContext = { ipAddress: "203.0.113.7", userAgent: "jest" };

/** A new sign-in of the user (first factor given), resolved as the next request would see it. */
export async function createSignedInSession(userId: string): Promise<ResolvedSession> {
  const token = await createSession({ userId, context: testContext });
  const session = await resolveSession(token);
  if (!session) throw new Error("A fresh session must resolve.");
  return session;
}
