// Access to structured health data (lib/authz/health-access.ts), pure: every
// health action against every kind of actor and grant. Only scope ALL (and
// emergency access, view only) covers health data; only the owner changes;
// CONTRIBUTE or PROPOSE_EDITS may propose.
import { EMERGENCY_ACCESS_MS, type GrantFacts } from "@/lib/authz/grant-rules";
import { decideHealthFromGrants, HEALTH_ACTIONS, type HealthAction } from "@/lib/authz/health-access";
import type { AccessActor } from "@/lib/authz/permissions";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const PATIENT_ID = "patient-1";

const owner: AccessActor = { id: PATIENT_ID, role: "PATIENT", status: "ACTIVE", verified: false };
const otherPatient: AccessActor = { id: "patient-2", role: "PATIENT", status: "ACTIVE", verified: false };
const clinician: AccessActor = { id: "clinician-1", role: "PHYSICIAN", status: "ACTIVE", verified: true };
const unverified: AccessActor = { ...clinician, verified: false };
const suspended: AccessActor = { ...clinician, status: "SUSPENDED" };
const admin: AccessActor = { id: "admin-1", role: "ADMIN", status: "ACTIVE", verified: false };

let sequence = 0;
function grant(overrides: Partial<GrantFacts> = {}): GrantFacts {
  sequence += 1;
  return {
    id: `grant-${sequence}`,
    patientId: PATIENT_ID,
    granteeId: "clinician-1",
    scope: "ALL",
    categories: [],
    recordIds: [],
    level: "VIEW",
    origin: "DIRECT",
    expiresAt: new Date(NOW.getTime() + 30 * DAY),
    revokedAt: null,
    createdAt: new Date(NOW.getTime() - DAY),
    ...overrides,
  };
}
const emergency = (overrides: Partial<GrantFacts> = {}) =>
  grant({ origin: "EMERGENCY", level: "VIEW", createdAt: new Date(NOW.getTime() - HOUR), expiresAt: new Date(NOW.getTime() + 3 * HOUR), ...overrides });

interface Row {
  who: string;
  actor: AccessActor | null;
  grants?: GrantFacts[];
  allows: readonly HealthAction[];
  via?: "owner" | "grant" | "emergency";
}

const VIEW = ["health:view"] as const;
const VIEW_PROPOSE = ["health:view", "health:propose"] as const;

const rows: Row[] = [
  { who: "signed out", actor: null, allows: [] },
  { who: "the owner", actor: owner, allows: ["health:view", "health:change"], via: "owner" },
  { who: "the owner, suspended", actor: { ...owner, status: "SUSPENDED" }, allows: [] },
  { who: "another patient", actor: otherPatient, allows: [] },
  { who: "a verified clinician without a grant", actor: clinician, allows: [] },
  { who: "a VIEW grant", actor: clinician, grants: [grant({ level: "VIEW" })], allows: VIEW, via: "grant" },
  { who: "a DOWNLOAD grant", actor: clinician, grants: [grant({ level: "DOWNLOAD" })], allows: VIEW, via: "grant" },
  { who: "a CONTRIBUTE grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE" })], allows: VIEW_PROPOSE, via: "grant" },
  { who: "a PROPOSE_EDITS grant", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS" })], allows: VIEW_PROPOSE, via: "grant" },
  { who: "a PROPOSE_EDITS category grant", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS", scope: "CATEGORIES", categories: ["LAB_RESULT"] })], allows: [] },
  { who: "a CONTRIBUTE record grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE", scope: "RECORDS", recordIds: ["record-1"] })], allows: [] },
  { who: "an unverified clinician with a grant", actor: unverified, grants: [grant({ level: "CONTRIBUTE" })], allows: [] },
  { who: "a suspended clinician with a grant", actor: suspended, grants: [grant({ level: "CONTRIBUTE" })], allows: [] },
  { who: "an expired grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE", expiresAt: NOW })], allows: [] },
  { who: "a revoked grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE", revokedAt: new Date(NOW.getTime() - 1) })], allows: [] },
  { who: "a grant from another patient", actor: clinician, grants: [grant({ patientId: "patient-2", level: "CONTRIBUTE" })], allows: [] },
  { who: "a grant held by another clinician", actor: clinician, grants: [grant({ granteeId: "clinician-2", level: "CONTRIBUTE" })], allows: [] },
  { who: "an admin holding a grant row", actor: admin, grants: [grant({ granteeId: "admin-1", level: "CONTRIBUTE" })], allows: [] },
  { who: "emergency access", actor: clinician, grants: [emergency()], allows: VIEW, via: "emergency" },
  { who: "an emergency row claiming PROPOSE_EDITS on some records", actor: clinician, grants: [emergency({ level: "PROPOSE_EDITS", scope: "RECORDS", recordIds: ["r"] })], allows: VIEW, via: "emergency" },
  { who: "emergency access after 4 hours", actor: clinician, grants: [emergency({ createdAt: new Date(NOW.getTime() - EMERGENCY_ACCESS_MS) })], allows: [] },
  { who: "emergency access and a CONTRIBUTE grant", actor: clinician, grants: [emergency(), grant({ level: "CONTRIBUTE" })], allows: VIEW_PROPOSE, via: "grant" },
  { who: "a category grant and an ALL VIEW grant", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS", scope: "CATEGORIES", categories: ["IMAGING"] }), grant({ level: "VIEW" })], allows: VIEW, via: "grant" },
];

const cases = rows.flatMap((row) => HEALTH_ACTIONS.map((action) => ({ ...row, action, expected: row.allows.includes(action) })));

describe("health data access matrix", () => {
  it("covers every health action", () => {
    expect(new Set(HEALTH_ACTIONS)).toEqual(new Set(["health:view", "health:propose", "health:change"]));
    expect(cases).toHaveLength(rows.length * HEALTH_ACTIONS.length);
  });

  it.each(cases)("$who: $action -> $expected", ({ actor, grants, action, expected, via }) => {
    const decision = decideHealthFromGrants({ actor, patientId: PATIENT_ID, action, grants: grants ?? [], now: NOW });
    expect(decision.allowed).toBe(expected);
    if (decision.allowed) {
      expect(decision.via).toBe(via);
      if (decision.via !== "owner") expect(grants?.some((g) => g.id === decision.grantId)).toBe(true);
    } else {
      expect(decision).toEqual({ allowed: false });
    }
  });

  it("denies an empty patient id", () => {
    expect(decideHealthFromGrants({ actor: owner, patientId: "", action: "health:view", grants: [], now: NOW }).allowed).toBe(false);
  });
});
