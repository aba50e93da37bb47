// The access rule's Prisma filter read as engine clauses: every shape
// lib/authz produces, and a refusal for anything else (fail closed).
import { recordWhereFromGrants } from "@/lib/authz/record-where";
import type { GrantFacts } from "@/lib/authz/grant-rules";
import { accessScopeFromWhere, UnsupportedAccessFilterError } from "@/lib/search/access-scope";
import { accessFilter, meiliFilter, quoteFilterValue } from "@/lib/search/meilisearch/meili-filter";

const now = new Date("2026-01-01T00:00:00Z");
const clinician = { id: "doc", role: "PHYSICIAN" as const, status: "ACTIVE" as const, verified: true };
const grant = (overrides: Partial<GrantFacts>): GrantFacts => ({
  id: "g",
  patientId: "p1",
  granteeId: "doc",
  scope: "ALL",
  categories: [],
  recordIds: [],
  level: "VIEW",
  origin: "DIRECT",
  expiresAt: new Date("2027-01-01T00:00:00Z"),
  revokedAt: null,
  createdAt: new Date("2025-12-01T00:00:00Z"),
  ...overrides,
});

describe("accessScopeFromWhere", () => {
  it("reads owners, category and record grants, and nothing for no access", () => {
    const where = recordWhereFromGrants({
      actor: clinician,
      now,
      grants: [grant({}), grant({ patientId: "p2", scope: "CATEGORIES", categories: ["IMAGING"] }), grant({ patientId: "p3", scope: "RECORDS", recordIds: ["r1"] })],
    });
    const scope = accessScopeFromWhere(where);
    expect(scope.kind === "clauses" && scope.clauses).toEqual([{ ownerId: "p1" }, { ownerId: "p2", categories: ["IMAGING"] }, { ownerId: "p3", recordIds: ["r1"] }]);
    expect(accessFilter(scope)).toBe('(ownerId IN ["p1"] OR (ownerId = "p2" AND category IN ["IMAGING"]) OR (ownerId = "p3" AND id IN ["r1"]))');

    expect(accessScopeFromWhere(recordWhereFromGrants({ actor: clinician, now, grants: [grant({ revokedAt: now })] }))).toEqual({ kind: "none" });
    expect(accessScopeFromWhere(recordWhereFromGrants({ actor: null, now, grants: [] }))).toEqual({ kind: "none" });
    const own = accessScopeFromWhere(recordWhereFromGrants({ actor: { ...clinician, id: "pat", role: "PATIENT" }, now, grants: [] }));
    expect(own.kind === "clauses" && own.clauses).toEqual([{ ownerId: "pat" }]);
  });

  it("reads several whole patients given as one ownerId IN list", () => {
    const where = recordWhereFromGrants({ actor: clinician, now, grants: [grant({}), grant({ patientId: "p2" }), grant({ patientId: "p3", scope: "RECORDS", recordIds: ["r1"] })] });
    const scope = accessScopeFromWhere(where);
    expect(scope.kind === "clauses" && scope.clauses).toEqual([{ ownerId: "p1" }, { ownerId: "p2" }, { ownerId: "p3", recordIds: ["r1"] }]);
    expect(() => accessScopeFromWhere({ ownerId: { in: ["p1", ""] } })).toThrow(UnsupportedAccessFilterError);
    expect(() => accessScopeFromWhere({ ownerId: { in: ["p1"], not: "p2" } })).toThrow(UnsupportedAccessFilterError);
  });

  it("refuses filters it does not understand instead of widening", () => {
    expect(() => accessScopeFromWhere({})).toThrow(UnsupportedAccessFilterError);
    expect(() => accessScopeFromWhere({ ownerId: { not: "x" } })).toThrow(UnsupportedAccessFilterError);
    expect(() => accessScopeFromWhere({ OR: [{ ownerId: "a" }, { status: "READY" }] })).toThrow(UnsupportedAccessFilterError);
    expect(() => accessScopeFromWhere({ ownerId: "a", category: "IMAGING" })).toThrow(UnsupportedAccessFilterError);
  });
});

describe("meiliFilter", () => {
  it("quotes every value and adds filters with AND", () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    const scope = accessScopeFromWhere({ ownerId: "p1" });
    const filter = meiliFilter({
      scope,
      query: { text: "x OR ownerId != 0", provider: ' Clinic "A" ', category: "IMAGING", from: "2024-01-02", includeArchived: false, sort: "relevance", limit: 20, offset: 0 },
    });
    expect(filter).toBe('(ownerId IN ["p1"]) AND status = "READY" AND category = "IMAGING" AND providerKey = "clinic \\"a\\"" AND dateOfService >= 19724');
    expect(meiliFilter({ scope: { kind: "none" }, query: { text: "", includeArchived: true, sort: "date", limit: 1, offset: 0 } })).toBeNull();
  });
});
