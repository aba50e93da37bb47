// The share dialog's search: verified, active clinicians by name or
// organization (partial match) or email (exact match only, so the list cannot
// be used to harvest addresses). Returns what the patient needs to choose.
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { ZFindCliniciansSchema, type TFindCliniciansInput } from "@/lib/validation/sharing";
import { parseInput } from "@/lib/validation/parse-input";
import { requireSharingActor, type SharingActor } from "./sharing-actor";

export interface FoundClinician {
  id: string;
  name: string | null;
  role: Role;
  specialty: string;
  organization: string;
}

export async function findClinicians(options: { actor: SharingActor; input: TFindCliniciansInput }): Promise<FoundClinician[]> {
  await requireSharingActor({ actor: options.actor, permission: "clinicians:search" });
  const { query, limit } = parseInput(ZFindCliniciansSchema, options.input);
  const rows = await db.user.findMany({
    where: {
      role: { in: [...CLINICIAN_ROLES] },
      status: "ACTIVE",
      clinicianProfile: { verifiedAt: { not: null } },
      OR: [
        { name: { contains: query, mode: "insensitive" } },
        { clinicianProfile: { organization: { contains: query, mode: "insensitive" } } },
        { email: query.toLowerCase() },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, role: true, clinicianProfile: { select: { specialty: true, organization: true } } },
  });
  return rows.flatMap((row) =>
    row.clinicianProfile ? [{ id: row.id, name: row.name, role: row.role, specialty: row.clinicianProfile.specialty, organization: row.clinicianProfile.organization }] : [],
  );
}
