// The environment contract: development just works with nothing set, while
// production refuses to start on missing or unsafe settings and says, in one
// message, every variable an operator has to fix.
import { randomBytes } from "node:crypto";
import { EMBEDDED, InvalidEnvironmentError, parseEnv } from "@/lib/env";

const REQUIRED_IN_PRODUCTION = ["DATABASE_URL", "AZURE_STORAGE_CONNECTION_STRING", "AUTH_SECRET", "ENCRYPTION_KEY"];

/** A complete, valid production environment to break one variable at a time. */
function validProduction(): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://medvault:pw@db.internal:5432/medvault",
    AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=medvault;AccountKey=a2V5;EndpointSuffix=core.windows.net",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/** The error parseEnv throws for `source`, failing the test if it does not throw. */
function errorFor(source: Record<string, string | undefined>): InvalidEnvironmentError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    return error as InvalidEnvironmentError;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv in development and test", () => {
  it("works with an empty environment, using the embedded services", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBe(EMBEDDED.databaseUrl);
    expect(env.AZURE_STORAGE_CONNECTION_STRING).toBe(EMBEDDED.azuriteConnectionString);
    expect(env.AUTH_SECRET).toBe(EMBEDDED.authSecret);
    expect(Buffer.from(env.ENCRYPTION_KEY, "base64")).toHaveLength(32);
  });

  it("keeps NODE_ENV=test and still fills in the defaults", () => {
    expect(parseEnv({ NODE_ENV: "test" })).toMatchObject({ NODE_ENV: "test", DATABASE_URL: EMBEDDED.databaseUrl });
  });

  it("accepts a complete production environment", () => {
    expect(parseEnv(validProduction()).NODE_ENV).toBe("production");
  });
});

describe("parseEnv in production", () => {
  it("names every missing required variable in one error", () => {
    const error = errorFor({ NODE_ENV: "production" });
    expect([...error.variables].sort()).toEqual([...REQUIRED_IN_PRODUCTION].sort());
    for (const name of REQUIRED_IN_PRODUCTION) expect(error.message).toContain(name);
  });

  it("treats empty strings like missing values", () => {
    const source = { ...validProduction(), DATABASE_URL: "", AUTH_SECRET: "" };
    expect(errorFor(source).variables).toEqual(expect.arrayContaining(["DATABASE_URL", "AUTH_SECRET"]));
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/medvault", "postgres://"],
    ["APP_URL", "not a url", "APP_URL"],
    ["AZURE_STORAGE_CONNECTION_STRING", "just-a-string", "Azure Storage connection string"],
    ["AUTH_SECRET", "too-short", "at least 32 characters"],
    ["ENCRYPTION_KEY", Buffer.from("sixteen bytes!!!").toString("base64"), "32 bytes"],
  ])("names an invalid %s", (name, value, hint) => {
    const error = errorFor({ ...validProduction(), [name]: value });
    expect(error.variables).toEqual([name]);
    expect(error.message).toContain(hint);
  });

  it("refuses the development default secrets", () => {
    const error = errorFor({ ...validProduction(), AUTH_SECRET: EMBEDDED.authSecret, ENCRYPTION_KEY: EMBEDDED.encryptionKey });
    expect([...error.variables].sort()).toEqual(["AUTH_SECRET", "ENCRYPTION_KEY"]);
    expect(error.message).toMatch(/AUTH_SECRET must not be the development default/);
    expect(error.message).toMatch(/ENCRYPTION_KEY must not be the development default/);
  });

  it("never echoes secret values in the error", () => {
    const source = { ...validProduction(), AUTH_SECRET: "short-secret-value" };
    expect(errorFor(source).message).not.toContain("short-secret-value");
  });
});
