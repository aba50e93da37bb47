// Creates a patient or a clinician account. Patients are active at once (after
// confirming their email); clinicians wait for an admin's verification. The
// answer is the same whether or not the address was taken, so sign-up cannot be
// used to find out who has an account: the owner of a taken address gets a mail.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { signUpAttemptOnExistingAccountMail } from "@/lib/email/templates/account";
import { env } from "@/lib/env";
import { Prisma, type Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import type { TSignUp } from "@/lib/validation/auth";
import { hashPassword } from "../password";
import { sendVerificationEmail } from "./send-verification-email";

const ROLE_BY_SIGN_UP: Record<TSignUp["role"], Role> = { patient: "PATIENT", physician: "PHYSICIAN", nurse: "NURSE", staff: "STAFF" };

export async function signUp(options: { input: TSignUp; context: RequestContext }): Promise<{ userId: string | null }> {
  const { input, context } = options;
  const role = ROLE_BY_SIGN_UP[input.role];
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role,
          status: role === "PATIENT" ? "ACTIVE" : "PENDING_VERIFICATION",
          passwordHash,
          ...(input.role !== "patient"
            ? { clinicianProfile: { create: { licenseNumber: input.licenseNumber, specialty: input.specialty, organization: input.organization } } }
            : {}),
        },
        select: { id: true, email: true, name: true },
      });
      await recordAuditEvent({ action: "auth.sign_up", outcome: "ALLOWED", actorId: created.id, actorRole: role, ...context }, { tx });
      return created;
    });
    await sendVerificationEmail({ user });
    return { userId: user.id };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const appUrl = env().APP_URL;
    await sendEmail({
      to: input.email,
      template: "sign-up-existing-account",
      content: signUpAttemptOnExistingAccountMail({ signInUrl: new URL("/sign-in", appUrl).toString(), resetUrl: new URL("/forgot-password", appUrl).toString() }),
    });
    return { userId: null };
  }
}
