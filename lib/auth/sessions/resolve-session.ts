// Decides, on every request, whether a session token still stands for a signed-in
// user, and how far that sign-in got (second factor, mandatory enrolment).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role, UserStatus } from "@/lib/generated/prisma/client";
import { CLINICIAN_ROLES, isClinicianRole } from "@/lib/authz/permissions";

/** Roles that must use two-factor before they see any patient data. */
export const TWO_FACTOR_MANDATORY_ROLES: readonly Role[] = [...CLINICIAN_ROLES, "ADMIN"];

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
  /** A clinician whose profile an admin verified (false for other roles), read with the session. */
  clinicianVerified: boolean;
  user: { id: string; email: string; name: string | null; role: Role; status: UserStatus; twoFactorEnabled: boolean };
}

// Writing lastActiveAt on every request would cost a write per page view.
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** The session row with the facts every request needs about its user, in one round trip (a Prisma include takes two). */
interface SessionRow {
  sessionToken: string;
  expires: Date;
  sessionVersion: number;
  lastActiveAt: Date;
  secondFactorAt: Date | null;
  reauthenticatedAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  status: UserStatus;
  userSessionVersion: number;
  totpEnabledAt: Date | null;
  verifiedAt: Date | null;
}

async function loadSessionRow(sessionToken: string): Promise<SessionRow | undefined> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."sessionToken", s."expires", s."sessionVersion", s."lastActiveAt", s."secondFactorAt",
           s."reauthenticatedAt", s."revokedAt",
           u."id" AS "userId", u."email", u."name", u."role"::text AS "role", u."status"::text AS "status",
           u."sessionVersion" AS "userSessionVersion", u."totpEnabledAt", p."verifiedAt"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "ClinicianProfile" p ON p."userId" = u."id"
    WHERE s."sessionToken" = ${sessionToken}`;
  return rows[0];
}

export async function resolveSession(sessionToken: string | undefined, now = new Date()): Promise<ResolvedSession | null> {
  if (!sessionToken) return null;
  const session = await loadSessionRow(sessionToken);
  if (!session || session.revokedAt) return null;
  const idleLimitMs = env().SESSION_IDLE_MINUTES * 60_000;
  const expired = session.expires <= now || now.getTime() - session.lastActiveAt.getTime() > idleLimitMs;
  if (expired || session.sessionVersion !== session.userSessionVersion || session.status === "SUSPENDED") return null;

  if (now.getTime() - session.lastActiveAt.getTime() > ACTIVITY_WRITE_INTERVAL_MS) {
    await db.session.update({ where: { sessionToken }, data: { lastActiveAt: now } });
  }

  const twoFactorEnabled = session.totpEnabledAt !== null;
  const state: SessionState =
    twoFactorEnabled && !session.secondFactorAt
      ? "second_factor_required"
      : !twoFactorEnabled && TWO_FACTOR_MANDATORY_ROLES.includes(session.role)
        ? "enrolment_required"
        : "active";
  return {
    state,
    sessionToken,
    reauthenticatedAt: session.reauthenticatedAt,
    user: { id: session.userId, email: session.email, name: session.name, role: session.role, status: session.status, twoFactorEnabled },
    clinicianVerified: isClinicianRole(session.role) && session.verifiedAt !== null,
  };
}
