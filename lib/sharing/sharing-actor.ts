// Every sharing use case starts here: the caller's role, status and clinician
// verification read fresh, and the kind of action checked against the
// permission table. Which patient's data they may touch is decided afterwards.
import { resolveAccessActor, type AccessActor } from "@/lib/authz/decide-access";
import { hasPermission, type Permission } from "@/lib/authz/permissions";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

/** The signed-in user a use case acts for (a CurrentUser fits). */
export interface SharingActor {
  id: string;
  role: Role;
}

export async function requireSharingActor(options: { actor: SharingActor | null | undefined; permission: Permission; tx?: Tx }): Promise<AccessActor> {
  const actor = await resolveAccessActor(options.actor, options.tx);
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!hasPermission(actor, options.permission)) throw new AppError("FORBIDDEN");
  return actor;
}
