// The patient a clinician names by email address or patient code, or null.
// Callers must answer the same whether or not one was found.
import { db, type Tx } from "@/lib/db";
import type { z } from "zod";
import type { ZPatientIdentifierSchema } from "@/lib/validation/sharing";

export async function findPatientByIdentifier(options: {
  identifier: z.output<typeof ZPatientIdentifierSchema>;
  tx?: Tx;
}): Promise<{ id: string } | null> {
  const { identifier, tx = db } = options;
  const where = identifier.kind === "email" ? { email: identifier.value } : { patientCode: identifier.value };
  const user = await tx.user.findUnique({ where, select: { id: true, role: true, status: true } });
  return user && user.role === "PATIENT" && user.status === "ACTIVE" ? { id: user.id } : null;
}
