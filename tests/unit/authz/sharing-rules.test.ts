// Input rules of sharing (lib/validation/sharing.ts) and the permission table.
import { levelIncludes } from "@/lib/authz/grant-rules";
import { hasPermission, ROLE_PERMISSIONS } from "@/lib/authz/permissions";
import { grantAccessSchema, normalizePatientCode, requestAccessSchema, ZOpenEmergencyAccessSchema, ZPatientIdentifierSchema } from "@/lib/validation/sharing";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const DAY = 24 * 60 * 60_000;
const schema = grantAccessSchema({ now: NOW, maxDays: 365 });

describe("grantAccessSchema", () => {
  it("defaults to 30 days and normalizes the scope", () => {
    const parsed = schema.parse({ granteeId: "c1", level: "VIEW", scope: "CATEGORIES", categories: ["IMAGING", "IMAGING"], recordIds: ["r1"] });
    expect(parsed).toEqual({ granteeId: "c1", level: "VIEW", expiresAt: new Date(NOW.getTime() + 30 * DAY), scope: "CATEGORIES", categories: ["IMAGING"], recordIds: [] });
  });

  it("refuses past or present end dates and more than the maximum", () => {
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "ALL", expiresAt: NOW }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "ALL", expiresAt: new Date(NOW.getTime() - DAY) }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "ALL", expiresAt: new Date(NOW.getTime() + 365 * DAY + 1) }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "ALL", expiresAt: new Date(NOW.getTime() + 365 * DAY) }).success).toBe(true);
    expect(grantAccessSchema({ now: NOW, maxDays: 7 }).safeParse({ granteeId: "c1", level: "VIEW", scope: "ALL" }).success).toBe(false);
  });

  it("needs a non-empty list for category and record scopes, and a known level", () => {
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "CATEGORIES", categories: [] }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "c1", level: "VIEW", scope: "RECORDS" }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "c1", level: "ADMIN", scope: "ALL" }).success).toBe(false);
    expect(schema.safeParse({ granteeId: "", level: "VIEW", scope: "ALL" }).success).toBe(false);
  });
});

describe("patient identifiers", () => {
  it("normalizes patient codes and refuses ambiguous characters", () => {
    expect(normalizePatientCode("mv 7k3q 9d2p")).toBe("MV-7K3Q-9D2P");
    expect(normalizePatientCode("7K3Q-9D2P")).toBe("MV-7K3Q-9D2P");
    expect(normalizePatientCode("MV-7K3Q-9D2")).toBeNull();
    expect(normalizePatientCode("MV-0K3Q-9D2P")).toBeNull();
    expect(normalizePatientCode("MV-IK3Q-9D2P")).toBeNull();
  });

  it("tells emails from codes", () => {
    expect(ZPatientIdentifierSchema.parse(" Ann@Example.TEST ")).toEqual({ kind: "email", value: "ann@example.test" });
    expect(ZPatientIdentifierSchema.parse("mv-7k3q-9d2p")).toEqual({ kind: "code", value: "MV-7K3Q-9D2P" });
    expect(ZPatientIdentifierSchema.safeParse("nobody").success).toBe(false);
  });
});

describe("requests and emergency input", () => {
  it("keeps a request within the maximum duration and to ALL or CATEGORIES", () => {
    const request = requestAccessSchema({ maxDays: 90 });
    const base = { patient: "a@b.test", reason: "Follow-up after surgery", level: "VIEW" };
    expect(request.parse({ ...base, scope: "ALL" }).durationDays).toBe(30);
    expect(request.safeParse({ ...base, scope: "ALL", durationDays: 91 }).success).toBe(false);
    expect(request.safeParse({ ...base, scope: "RECORDS", recordIds: ["r1"] }).success).toBe(false);
    expect(request.safeParse({ ...base, reason: "short", scope: "ALL" }).success).toBe(false);
  });

  it("needs an emergency reason of 20 to 1000 characters", () => {
    expect(ZOpenEmergencyAccessSchema.safeParse({ patient: "a@b.test", reason: "x".repeat(19) }).success).toBe(false);
    expect(ZOpenEmergencyAccessSchema.safeParse({ patient: "a@b.test", reason: "x".repeat(20) }).success).toBe(true);
    expect(ZOpenEmergencyAccessSchema.safeParse({ patient: "a@b.test", reason: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("levels and permissions", () => {
  it("orders levels: VIEW < DOWNLOAD < CONTRIBUTE, PROPOSE_EDITS (not each other)", () => {
    expect(levelIncludes("DOWNLOAD", "VIEW")).toBe(true);
    expect(levelIncludes("VIEW", "DOWNLOAD")).toBe(false);
    expect(levelIncludes("CONTRIBUTE", "DOWNLOAD")).toBe(true);
    expect(levelIncludes("PROPOSE_EDITS", "DOWNLOAD")).toBe(true);
    expect(levelIncludes("CONTRIBUTE", "PROPOSE_EDITS")).toBe(false);
    expect(levelIncludes("PROPOSE_EDITS", "CONTRIBUTE")).toBe(false);
  });

  it("gives admins no medical content and clinicians nothing before verification", () => {
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain("grants:use");
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain("own_data:manage");
    const physician = { id: "c1", role: "PHYSICIAN" as const, status: "ACTIVE" as const, verified: true };
    expect(hasPermission(physician, "emergency:open")).toBe(true);
    expect(hasPermission({ ...physician, verified: false }, "emergency:open")).toBe(false);
    expect(hasPermission({ ...physician, status: "SUSPENDED" }, "grants:use")).toBe(false);
    expect(hasPermission({ ...physician, status: "PENDING_VERIFICATION" }, "access_requests:create")).toBe(false);
    expect(hasPermission(null, "grants:use")).toBe(false);
  });
});
