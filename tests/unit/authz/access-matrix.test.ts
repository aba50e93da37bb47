// The access matrix: every action against every kind of actor and grant, on the
// pure decision (no database). Each row lists the actions it allows; every
// other action must be denied. A change to the rules shows up here as a diff.
import { decideFromGrants } from "@/lib/authz/decide-from-grants";
import { ACCESS_ACTIONS, EMERGENCY_ACCESS_MS, RECORD_ACTIONS, type AccessAction, type GrantFacts, type RecordAction } from "@/lib/authz/grant-rules";
import type { AccessActor } from "@/lib/authz/permissions";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const PATIENT_ID = "patient-1";
const RECORD = { id: "record-1", ownerId: PATIENT_ID, category: "LAB_RESULT" as const };

const owner: AccessActor = { id: PATIENT_ID, role: "PATIENT", status: "ACTIVE", verified: false };
const otherPatient: AccessActor = { id: "patient-2", role: "PATIENT", status: "ACTIVE", verified: false };
const clinician: AccessActor = { id: "clinician-1", role: "PHYSICIAN", status: "ACTIVE", verified: true };
const nurse: AccessActor = { id: "clinician-1", role: "NURSE", status: "ACTIVE", verified: true };
const unverified: AccessActor = { id: "clinician-1", role: "PHYSICIAN", status: "PENDING_VERIFICATION", verified: false };
const activeButUnverified: AccessActor = { id: "clinician-1", role: "PHYSICIAN", status: "ACTIVE", verified: false };
const suspended: AccessActor = { id: "clinician-1", role: "PHYSICIAN", status: "SUSPENDED", verified: true };
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

const ALL = ACCESS_ACTIONS;
const READ = ["view", "preview"] as const;
const READ_DOWNLOAD = ["view", "preview", "download"] as const;

interface Row {
  who: string;
  actor: AccessActor | null;
  grants?: GrantFacts[];
  allows: readonly AccessAction[];
  via?: "owner" | "grant" | "emergency";
}

const viewGrant = grant({ level: "VIEW" });
const emergencyGrant = emergency();

const rows: Row[] = [
  { who: "signed out", actor: null, allows: [] },
  { who: "the owner", actor: owner, allows: ALL, via: "owner" },
  { who: "the owner, suspended", actor: { ...owner, status: "SUSPENDED" }, allows: [] },
  { who: "another patient", actor: otherPatient, allows: [] },
  { who: "another patient holding a grant row", actor: otherPatient, grants: [grant({ granteeId: "patient-2", level: "CONTRIBUTE" })], allows: [] },
  { who: "an unverified clinician with a grant", actor: unverified, grants: [grant({ level: "CONTRIBUTE" })], allows: [] },
  { who: "an active clinician whose profile is not verified, with a grant", actor: activeButUnverified, grants: [grant({ level: "CONTRIBUTE" })], allows: [] },
  { who: "a verified clinician without a grant", actor: clinician, allows: [] },
  { who: "a VIEW grant", actor: clinician, grants: [viewGrant], allows: READ, via: "grant" },
  { who: "a DOWNLOAD grant", actor: clinician, grants: [grant({ level: "DOWNLOAD" })], allows: READ_DOWNLOAD, via: "grant" },
  { who: "a CONTRIBUTE grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE" })], allows: [...READ_DOWNLOAD, "upload"], via: "grant" },
  { who: "a PROPOSE_EDITS grant", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS" })], allows: [...READ_DOWNLOAD, "propose_edit"], via: "grant" },
  { who: "a PROPOSE_EDITS grant held by a nurse", actor: nurse, grants: [grant({ level: "PROPOSE_EDITS" })], allows: [...READ_DOWNLOAD, "propose_edit"], via: "grant" },
  {
    who: "a category grant on the record's category",
    actor: clinician,
    grants: [grant({ level: "DOWNLOAD", scope: "CATEGORIES", categories: ["LAB_RESULT", "IMAGING"] })],
    allows: READ_DOWNLOAD,
    via: "grant",
  },
  { who: "a category grant on another category", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS", scope: "CATEGORIES", categories: ["IMAGING"] })], allows: [] },
  {
    // Scope limits what is read, not what may be added: upload needs CONTRIBUTE only.
    who: "a CONTRIBUTE category grant on another category",
    actor: clinician,
    grants: [grant({ level: "CONTRIBUTE", scope: "CATEGORIES", categories: ["IMAGING"] })],
    allows: ["upload"],
    via: "grant",
  },
  { who: "a record grant on this record", actor: clinician, grants: [grant({ level: "DOWNLOAD", scope: "RECORDS", recordIds: ["record-1"] })], allows: READ_DOWNLOAD, via: "grant" },
  { who: "a record grant on another record", actor: clinician, grants: [grant({ level: "PROPOSE_EDITS", scope: "RECORDS", recordIds: ["record-2"] })], allows: [] },
  { who: "an expired grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE", expiresAt: new Date(NOW.getTime() - 1) })], allows: [] },
  { who: "a grant ending this very moment", actor: clinician, grants: [grant({ level: "DOWNLOAD", expiresAt: NOW })], allows: [] },
  { who: "a revoked grant", actor: clinician, grants: [grant({ level: "CONTRIBUTE", revokedAt: new Date(NOW.getTime() - 1000) })], allows: [] },
  { who: "a grant from another patient", actor: clinician, grants: [grant({ patientId: "patient-2", level: "CONTRIBUTE" })], allows: [] },
  { who: "a grant held by another clinician", actor: clinician, grants: [grant({ granteeId: "clinician-2", level: "CONTRIBUTE" })], allows: [] },
  { who: "a suspended clinician with a grant", actor: suspended, grants: [grant({ level: "CONTRIBUTE" })], allows: [] },
  { who: "an admin", actor: admin, allows: [] },
  { who: "an admin holding a grant row", actor: admin, grants: [grant({ granteeId: "admin-1", level: "DOWNLOAD" })], allows: [] },
  { who: "emergency access", actor: clinician, grants: [emergencyGrant], allows: READ, via: "emergency" },
  { who: "an emergency row claiming more than view", actor: clinician, grants: [emergency({ level: "PROPOSE_EDITS", scope: "RECORDS", recordIds: ["record-2"] })], allows: READ, via: "emergency" },
  { who: "emergency access after 4 hours", actor: clinician, grants: [emergency({ createdAt: new Date(NOW.getTime() - EMERGENCY_ACCESS_MS), expiresAt: new Date(NOW.getTime() + HOUR) })], allows: [] },
  { who: "emergency access ended early", actor: clinician, grants: [emergency({ revokedAt: new Date(NOW.getTime() - 1000) })], allows: [] },
  { who: "emergency access of a suspended clinician", actor: suspended, grants: [emergency()], allows: [] },
  { who: "emergency access and a VIEW grant", actor: clinician, grants: [emergencyGrant, viewGrant], allows: READ, via: "grant" },
  { who: "an expired DOWNLOAD grant and a current VIEW grant", actor: clinician, grants: [grant({ level: "DOWNLOAD", expiresAt: new Date(NOW.getTime() - 1) }), viewGrant], allows: READ, via: "grant" },
];

const isRecordAction = (action: AccessAction): action is RecordAction => (RECORD_ACTIONS as readonly string[]).includes(action);

const cases = rows.flatMap((row) => ALL.map((action) => ({ ...row, action, expected: row.allows.includes(action) })));

describe("access matrix", () => {
  it("covers every action for every row", () => {
    expect(cases).toHaveLength(rows.length * ACCESS_ACTIONS.length);
    expect(new Set(ACCESS_ACTIONS)).toEqual(new Set(["view", "preview", "download", "upload", "propose_edit", "edit", "delete", "share", "export"]));
  });

  it.each(cases)("$who: $action -> $expected", ({ actor, grants, action, expected, via }) => {
    const decision = decideFromGrants({
      actor,
      patientId: PATIENT_ID,
      action,
      record: isRecordAction(action) ? RECORD : undefined,
      grants: grants ?? [],
      now: NOW,
    });
    expect(decision.allowed).toBe(expected);
    if (decision.allowed) {
      expect(decision.via).toBe(via);
      if (decision.via !== "owner") expect(grants?.some((g) => g.id === decision.grantId)).toBe(true);
    } else {
      // A denial carries nothing a caller could tell apart from "no such record".
      expect(decision).toEqual({ allowed: false });
    }
  });
});

describe("decision edges", () => {
  it("denies every action on a record that belongs to someone else than the patient asked about", () => {
    for (const action of RECORD_ACTIONS) {
      const record = { ...RECORD, ownerId: "patient-2" };
      expect(decideFromGrants({ actor: owner, patientId: PATIENT_ID, action, record, grants: [], now: NOW }).allowed).toBe(false);
      expect(decideFromGrants({ actor: clinician, patientId: PATIENT_ID, action, record, grants: [grant({ level: "PROPOSE_EDITS" })], now: NOW }).allowed).toBe(false);
    }
  });

  it("denies a category-scoped grant on a record without a category", () => {
    const record = { ...RECORD, category: null };
    const grants = [grant({ level: "DOWNLOAD", scope: "CATEGORIES", categories: ["LAB_RESULT"] })];
    expect(decideFromGrants({ actor: clinician, patientId: PATIENT_ID, action: "view", record, grants, now: NOW }).allowed).toBe(false);
  });

  it("denies an empty patient id and an actor without id", () => {
    expect(decideFromGrants({ actor: owner, patientId: "", action: "view", grants: [], now: NOW }).allowed).toBe(false);
    expect(decideFromGrants({ actor: { ...owner, id: "" }, patientId: "", action: "view", grants: [], now: NOW }).allowed).toBe(false);
  });

  it("without a record, answers whether the grantee holds the level for some of the patient's data", () => {
    const grants = [grant({ level: "DOWNLOAD", scope: "RECORDS", recordIds: ["record-9"] })];
    expect(decideFromGrants({ actor: clinician, patientId: PATIENT_ID, action: "download", grants, now: NOW }).allowed).toBe(true);
    expect(decideFromGrants({ actor: clinician, patientId: PATIENT_ID, action: "propose_edit", grants, now: NOW }).allowed).toBe(false);
  });
});
