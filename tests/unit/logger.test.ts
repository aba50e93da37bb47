import { errorLabel, redact } from "@/lib/logger";

describe("log redaction", () => {
  it("redacts secret-looking fields at any depth", () => {
    const out = redact({ userId: "u1", password: "hunter2-hunter2", nested: { totpCode: "123456", sessionToken: "t" } }) as Record<string, unknown>;
    expect(out.userId).toBe("u1");
    expect(out.password).toBe("[redacted]");
    expect(out.nested).toEqual({ totpCode: "[redacted]", sessionToken: "[redacted]" });
  });

  it("strips SAS signatures and bearer tokens from strings", () => {
    const url = "https://acct.blob.core.windows.net/c/b?sv=2025-01-05&se=2026&sp=r&sig=AbC%2Bdef%3D";
    const out = redact({ url, header: "Bearer eyJhbGciOi.abc.def" }) as Record<string, string>;
    expect(out.url).not.toContain("AbC%2Bdef");
    expect(out.url).toContain("sig=[redacted]");
    expect(out.header).toBe("Bearer [redacted]");
  });
});

describe("errorLabel", () => {
  it("gives the name and a machine code, never the message", () => {
    const prisma = Object.assign(new Error("Foreign key constraint violated on alice@example.com"), { name: "PrismaClientKnownRequestError", code: "P2003" });
    expect(errorLabel(prisma)).toBe("PrismaClientKnownRequestError [P2003]");
    expect(errorLabel(new TypeError("x is not a function"))).toBe("TypeError");
    // A "code" that is itself free text is left out.
    expect(errorLabel(Object.assign(new Error("m"), { code: "value 'secret diagnosis' too long" }))).toBe("Error");
    expect(errorLabel("a thrown string")).toBe("unknown");
    // Free text in Azure's details is left out too; the status stays.
    expect(errorLabel(Object.assign(new Error("m"), { name: "RestError", statusCode: 503, details: { errorCode: "see https://x?sig=abc" } }))).toBe("RestError [HTTP 503]");
  });
});
