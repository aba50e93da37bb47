// A patient's short code ("MV-7K3Q-9D2P"), made on first use: what a patient
// reads out or shows to a clinician who asks for access. 31^8 (about 8.5e11)
// codes; request-access gives the same answer for unknown codes, so guessing
// learns nothing.
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { PATIENT_CODE_ALPHABET } from "@/lib/validation/sharing";

export function generatePatientCode(): string {
  const chars = Array.from({ length: 8 }, () => PATIENT_CODE_ALPHABET[randomInt(PATIENT_CODE_ALPHABET.length)]);
  return `MV-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * The patient's code, created if they have none yet. Only patients have codes.
 * Not inside a caller's transaction: a rare code collision aborts the statement
 * and is retried with a new code.
 */
export async function ensurePatientCode(options: { patientId: string }): Promise<string> {
  const { patientId } = options;
  const tx = db;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const user = await tx.user.findUnique({ where: { id: patientId }, select: { role: true, patientCode: true } });
    if (!user || user.role !== "PATIENT") throw new AppError("NOT_FOUND");
    if (user.patientCode) return user.patientCode;
    try {
      // Only if still none: two first uses at once keep one code.
      await tx.user.updateMany({ where: { id: patientId, patientCode: null }, data: { patientCode: generatePatientCode() } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("Could not assign a patient code");
}
