// Decides, on every request, whether a session token still stands for a signed-in
// user, and how far that sign-in got (second factor, mandatory enrolment).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";

export const CLINICAL_ROLES: readonly Role[] = ["PHYSICIAN", "NURSE", "STAFF"];
/** Roles that must use two-factor before they see any patient data. */
export const TWO_FACTOR_MANDATORY_ROLES: readonly Role[] = [...CLINICAL_ROLES, "ADMIN"];

export type SessionState =
  /** Signed in completely. */
  | "active"
  /** Password (or OAuth) accepted; the TOTP or a recovery code is still due. */
  | "second_factor_required"
  /** A clinician or admin without two-factor: only enrolment is open to them. */
  | "enrolment_required";

export interface ResolvedSession {
  state: SessionState;
  sessionToken: string;
  reauthenticatedAt: Date | null;
  user: { id: string; email: string; name: string | null; role: Role; status: UserStatus; twoFactorEnabled: boolean };
}

// Writing lastActiveAt on every request would cost a write per page view.
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export async function resolveSession(sessionToken: string | undefined, now = new Date()): Promise<ResolvedSession | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    include: { user: { select: { id: true, email: true, name: true, role: true, status: true, sessionVersion: true, totpEnabledAt: true } } },
  });
  if (!session || session.revokedAt) return null;
  const idleLimitMs = env().SESSION_IDLE_MINUTES * 60_000;
  const expired = session.expires <= now || now.getTime() - session.lastActiveAt.getTime() > idleLimitMs;
  if (expired || session.sessionVersion !== session.user.sessionVersion || session.user.status === "SUSPENDED") return null;

  if (now.getTime() - session.lastActiveAt.getTime() > ACTIVITY_WRITE_INTERVAL_MS) {
    await db.session.update({ where: { sessionToken }, data: { lastActiveAt: now } });
  }

  const { user } = session;
  const twoFactorEnabled = user.totpEnabledAt !== null;
  const state: SessionState =
    twoFactorEnabled && !session.secondFactorAt
      ? "second_factor_required"
      : !twoFactorEnabled && TWO_FACTOR_MANDATORY_ROLES.includes(user.role)
        ? "enrolment_required"
        : "active";
  return {
    state,
    sessionToken,
    reauthenticatedAt: session.reauthenticatedAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status, twoFactorEnabled },
  };
}
