// Secrets for the embedded stack, generated once and kept in .data/secrets.json
// (mode 0600, git-ignored). Persisting them matters: AUTH_SECRET signs sessions
// and ENCRYPTION_KEY encrypts TOTP secrets at rest, so new values on every start
// would sign everyone out and make stored 2FA secrets unreadable. Values the
// user set in the environment always win and are never written to the file.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface StackSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
}

const FILE_NAME = "secrets.json";

function generate(): StackSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"), // 43 characters
    ENCRYPTION_KEY: randomBytes(32).toString("base64"), // exactly 32 bytes, as lib/env.ts requires
  };
}

function isValid(value: unknown): value is StackSecrets {
  const candidate = value as Partial<StackSecrets> | null;
  return (
    typeof candidate?.AUTH_SECRET === "string" &&
    candidate.AUTH_SECRET.length >= 32 &&
    typeof candidate.ENCRYPTION_KEY === "string" &&
    Buffer.from(candidate.ENCRYPTION_KEY, "base64").length === 32
  );
}

/** Reads `<dataDir>/secrets.json`, creating it on first use. Never logs the values. */
export async function loadOrCreateSecrets(dataDir: string): Promise<StackSecrets> {
  const file = join(dataDir, FILE_NAME);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": fails if the file exists, so two starts cannot overwrite each other's secrets.
    await writeFile(file, `${JSON.stringify(generate(), null, 2)}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // Tighten a file that was copied or restored with looser permissions.
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);

  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch {
    parsed = undefined;
  }
  if (!isValid(parsed)) {
    // Regenerating would silently invalidate sessions and encrypted data: let the user decide.
    throw new Error(`${file} is unreadable or incomplete. Restore it, or delete the whole .data/ folder to start from scratch.`);
  }
  return { AUTH_SECRET: parsed.AUTH_SECRET, ENCRYPTION_KEY: parsed.ENCRYPTION_KEY };
}

/** The user's own values where set, the persisted ones otherwise (file created only when needed). */
export async function resolveSecrets(dataDir: string, fromEnvironment: Partial<StackSecrets>): Promise<StackSecrets> {
  if (fromEnvironment.AUTH_SECRET && fromEnvironment.ENCRYPTION_KEY) {
    return { AUTH_SECRET: fromEnvironment.AUTH_SECRET, ENCRYPTION_KEY: fromEnvironment.ENCRYPTION_KEY };
  }
  const persisted = await loadOrCreateSecrets(dataDir);
  return {
    AUTH_SECRET: fromEnvironment.AUTH_SECRET || persisted.AUTH_SECRET,
    ENCRYPTION_KEY: fromEnvironment.ENCRYPTION_KEY || persisted.ENCRYPTION_KEY,
  };
}
