// The pure where-builder: owners get their own rows, grantees the union of
// their grants' scopes, everyone else a filter that matches nothing, never
// `{}` or undefined (Prisma drops undefined and `{}` matches every row).
import type { GrantFacts } from "@/lib/authz/grant-rules";
import type { AccessActor } from "@/lib/authz/permissions";
import { recordWhereFromGrants } from "@/lib/authz/record-where";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const NOTHING = { id: { in: [] } };
const clinician: AccessActor = { id: "c1", role: "PHYSICIAN", status: "ACTIVE", verified: true };
const owner: AccessActor = { id: "p1", role: "PATIENT", status: "ACTIVE", verified: false };

const grant = (overrides: Partial<GrantFacts>): GrantFacts => ({
  id: "g",
  patientId: "p1",
  granteeId: "c1",
  scope: "ALL",
  categories: [],
  recordIds: [],
  level: "VIEW",
  origin: "DIRECT",
  expiresAt: new Date(NOW.getTime() + 60_000),
  revokedAt: null,
  createdAt: new Date(NOW.getTime() - 60_000),
  ...overrides,
});

describe("recordWhereFromGrants", () => {
  it("matches nothing for the signed out, admins, unverified or suspended clinicians and grantees without grants", () => {
    const g = [grant({})];
    expect(recordWhereFromGrants({ actor: null, grants: g, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: undefined, grants: g, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: { ...clinician, role: "ADMIN" }, grants: g, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: { ...clinician, verified: false }, grants: g, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: { ...clinician, status: "SUSPENDED" }, grants: g, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: clinician, grants: [], now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: { ...clinician, id: "" }, grants: g, now: NOW })).toEqual(NOTHING);
  });

  it("gives the owner their own records, and nothing of another patient", () => {
    expect(recordWhereFromGrants({ actor: owner, grants: [], now: NOW })).toEqual({ ownerId: "p1" });
    expect(recordWhereFromGrants({ actor: owner, patientId: "p1", grants: [], now: NOW })).toEqual({ ownerId: "p1" });
    expect(recordWhereFromGrants({ actor: owner, patientId: "p2", grants: [], now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: owner, patientId: "", grants: [], now: NOW })).toEqual(NOTHING);
  });

  it("ORs the scopes of the grants in force, for the action's level", () => {
    const grants = [
      grant({ id: "all", patientId: "p1", level: "DOWNLOAD" }),
      grant({ id: "cat", patientId: "p2", scope: "CATEGORIES", categories: ["IMAGING"] }),
      grant({ id: "rec", patientId: "p3", scope: "RECORDS", recordIds: ["r1", "r2"] }),
      grant({ id: "expired", patientId: "p4", expiresAt: NOW }),
      grant({ id: "revoked", patientId: "p5", revokedAt: NOW }),
      grant({ id: "other grantee", patientId: "p6", granteeId: "c2" }),
      grant({ id: "empty categories", patientId: "p7", scope: "CATEGORIES", categories: [] }),
    ];
    expect(recordWhereFromGrants({ actor: clinician, grants, now: NOW })).toEqual({
      OR: [{ ownerId: "p1" }, { ownerId: "p2", category: { in: ["IMAGING"] } }, { ownerId: "p3", id: { in: ["r1", "r2"] } }],
    });
    expect(recordWhereFromGrants({ actor: clinician, action: "download", grants, now: NOW })).toEqual({ ownerId: "p1" });
    expect(recordWhereFromGrants({ actor: clinician, patientId: "p3", grants, now: NOW })).toEqual({ ownerId: "p3", id: { in: ["r1", "r2"] } });
    expect(recordWhereFromGrants({ actor: clinician, patientId: "p4", grants, now: NOW })).toEqual(NOTHING);
    expect(recordWhereFromGrants({ actor: clinician, action: "edit", grants, now: NOW })).toEqual(NOTHING);
  });

  it("merges whole-patient grants into one ownerId IN list, once per patient", () => {
    const grants = [
      grant({ id: "a", patientId: "p1" }),
      grant({ id: "b", patientId: "p2" }),
      grant({ id: "again", patientId: "p1", level: "DOWNLOAD" }),
      grant({ id: "cat", patientId: "p3", scope: "CATEGORIES", categories: ["IMAGING"] }),
    ];
    expect(recordWhereFromGrants({ actor: clinician, grants, now: NOW })).toEqual({
      OR: [{ ownerId: { in: ["p1", "p2"] } }, { ownerId: "p3", category: { in: ["IMAGING"] } }],
    });
    expect(recordWhereFromGrants({ actor: clinician, grants: grants.slice(0, 2), now: NOW })).toEqual({ ownerId: { in: ["p1", "p2"] } });
  });

  it("lets emergency access view everything of the patient for 4 hours, and download nothing", () => {
    const emergency = grant({ origin: "EMERGENCY", scope: "RECORDS", recordIds: ["r9"], level: "DOWNLOAD" });
    expect(recordWhereFromGrants({ actor: clinician, grants: [emergency], now: NOW })).toEqual({ ownerId: "p1" });
    expect(recordWhereFromGrants({ actor: clinician, action: "download", grants: [emergency], now: NOW })).toEqual(NOTHING);
    const later = new Date(emergency.createdAt.getTime() + 4 * 60 * 60_000);
    expect(recordWhereFromGrants({ actor: clinician, grants: [{ ...emergency, expiresAt: new Date(later.getTime() + 1) }], now: later })).toEqual(NOTHING);
  });

  it("returns a new object each time", () => {
    const a = recordWhereFromGrants({ actor: null, grants: [], now: NOW });
    (a.id as { in: string[] }).in.push("x");
    expect(recordWhereFromGrants({ actor: null, grants: [], now: NOW })).toEqual(NOTHING);
  });
});
