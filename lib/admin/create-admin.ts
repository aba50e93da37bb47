// Creates an admin account from the command line (lib/cli/create-admin.ts):
// the only way besides the seed, since sign-up offers patient and clinician
// roles only. It never promotes an existing account: an address that is taken
// is refused, so a command typo cannot hand admin rights to someone's account.
// The password is generated here and returned once for the operator to pass on;
// the admin must enrol two-factor at first sign-in (resolveSession requires it).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { ZEmailSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse-input";

export const ZCreateAdminSchema = z.object({
  email: ZEmailSchema,
  name: z.string({ error: "Give the admin's name." }).trim().min(1, "Give the admin's name.").max(100, "Use at most 100 characters for the name."),
});

const EMAIL_TAKEN = "An account with this email already exists. This command only creates new admin accounts.";

/** 24 random bytes: 192 bits, 32 URL-safe characters. */
export function generateAdminPassword(): string {
  return randomBytes(24).toString("base64url");
}

export async function createAdmin(options: { email: string; name: string; context?: RequestContext }): Promise<{ userId: string; email: string; password: string }> {
  const { email, name } = parseInput(ZCreateAdminSchema, { email: options.email, name: options.name });
  const context = options.context ?? { ipAddress: null, userAgent: null };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("CONFLICT", EMAIL_TAKEN);

  const password = generateAdminPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name, role: "ADMIN", status: "ACTIVE", emailVerified: new Date(), passwordHash },
        select: { id: true },
      });
      await recordAuditEvent({ action: "admin.created_by_cli", outcome: "ALLOWED", targetType: "user", targetId: created.id, ...context }, { tx });
      return created;
    });
    return { userId: user.id, email, password };
  } catch (error) {
    // Someone created the address between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", EMAIL_TAKEN);
    throw error;
  }
}
