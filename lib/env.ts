// The only reader of process.env. Every setting is validated with zod.
// Development and test get working embedded defaults (the ones `npm run dev`
// starts); production refuses to start unless every required setting is valid,
// naming all offending variables in one message.
import { z } from "zod";

/** Embedded services started by `npm run dev` (lib/devstack). */
export const EMBEDDED = {
  // PGlite serves a single database, "postgres", whatever name a client asks for.
  databaseUrl: "postgresql://postgres@127.0.0.1:54329/postgres",
  azuriteBlobPort: 10000,
  // Azurite's documented, public development account (not a secret).
  azuriteConnectionString:
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
    "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
    "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
  // Only ever used outside production; production must set its own.
  authSecret: "medvault-development-secret-not-for-production-use",
  encryptionKey: "ZGV2ZWxvcG1lbnQta2V5LTMyLWJ5dGVzLWxvbmctISE=",
} as const;

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const shared = {
  APP_URL: z.url().default("http://localhost:3000"),
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, "must be a valid blob container name")
    .default("medvault-records"),
  MEILI_HOST: z.url().optional().or(z.literal("").transform(() => undefined)),
  MEILI_API_KEY: optional,
  // Search (lib/search): the Meilisearch index that holds the record documents.
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be letters, digits, - or _").default("records"),
  RESEND_API_KEY: optional,
  // Tests point the Resend client at a local recorder; unset in production (the client's default).
  RESEND_BASE_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  SMTP_URL: z.url().optional().or(z.literal("").transform(() => undefined)),
  EMAIL_FROM: z.string().default("MedVault <no-reply@medvault.local>"),
  // Shows /dev/outbox (every mail with its links). On by default in development;
  // in production only for a local try on embedded services (the launcher sets it).
  EMAIL_DEV_OUTBOX: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  // Tests point the Google provider at a local OpenID provider; never set in production.
  GOOGLE_ISSUER: z.url().optional().or(z.literal("").transform(() => undefined)),
  FACEBOOK_CLIENT_ID: optional,
  FACEBOOK_CLIENT_SECRET: optional,
  APPLE_CLIENT_ID: optional,
  APPLE_CLIENT_SECRET: optional,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Also append every log line to this file (the test runner scans it for leaked secrets).
  LOG_FILE: optional,
  // Background job worker (lib/jobs): jobs run at once per worker process, how
  // often an idle worker looks for work, after how long a job whose worker went
  // silent is run again, and how long a stopping worker waits for running jobs.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  JOB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(10_000).max(24 * 60 * 60_000).default(5 * 60_000),
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(10 * 60_000).default(30_000),
  // Uploads (lib/records): size limits by kind, and how long an upload slot and
  // its write-only SAS stay valid. Downloads: how long a read SAS stays valid.
  UPLOAD_MAX_BYTES_IMAGING: z.coerce.number().int().min(1).max(5 * 1024 ** 4).default(2 * 1024 ** 3),
  UPLOAD_MAX_BYTES_DOCUMENT: z.coerce.number().int().min(1).max(5 * 1024 ** 4).default(100 * 1024 ** 2),
  UPLOAD_SLOT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  DOWNLOAD_SAS_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  // Sharing (lib/sharing): the longest a patient may share for, in days.
  GRANT_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // How long a patient's invitation of a clinician by email waits for them to
  // join and be verified, and how many invitations a patient may send a day.
  CLINICIAN_INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CLINICIAN_INVITATIONS_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10),
  // Export and FHIR (lib/export, lib/fhir): how long a finished "download
  // everything" ZIP is kept, how long its download link works, and the largest
  // FHIR Bundle a patient may import.
  EXPORT_KEEP_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(24),
  EXPORT_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  FHIR_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 ** 2).default(10 * 1024 ** 2),
};

const developmentSchema = z.object({
  NODE_ENV: z.enum(["development", "test"]),
  DATABASE_URL: z.string().default(EMBEDDED.databaseUrl),
  AZURE_STORAGE_CONNECTION_STRING: z.string().default(EMBEDDED.azuriteConnectionString),
  AUTH_SECRET: z.string().min(16).default(EMBEDDED.authSecret),
  ENCRYPTION_KEY: base64Key32.default(EMBEDDED.encryptionKey),
  ...shared,
});

const productionSchema = z.object({
  NODE_ENV: z.literal("production"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL"),
  AZURE_STORAGE_CONNECTION_STRING: z.string().includes("AccountName=", { message: "must be an Azure Storage connection string" }),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (openssl rand -base64 32)")
    .refine((v) => v !== EMBEDDED.authSecret, "must not be the development default"),
  ENCRYPTION_KEY: base64Key32.refine((v) => v !== EMBEDDED.encryptionKey, "must not be the development default"),
  ...shared,
});

export type Env = Omit<z.infer<typeof developmentSchema>, "NODE_ENV"> & { NODE_ENV: "development" | "test" | "production" };

export class InvalidEnvironmentError extends Error {
  constructor(public readonly variables: string[], details: string[]) {
    super(`Invalid configuration. Fix these environment variables: ${details.join("; ")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/** Parses a given environment (exported for tests); throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const mode = source.NODE_ENV === "production" ? "production" : source.NODE_ENV === "test" ? "test" : "development";
  // `next build` imports server modules but serves nothing: it must not need
  // production secrets. The running server validates strictly at start-up.
  const building = source.NEXT_PHASE === "phase-production-build";
  const schema = mode === "production" && !building ? productionSchema : developmentSchema;
  const result = schema.safeParse({ ...source, NODE_ENV: building ? "development" : mode });
  if (!result.success) {
    const byVariable = new Map<string, string>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (!byVariable.has(name)) byVariable.set(name, `${name} ${issue.code === "invalid_type" ? "is missing" : issue.message}`);
    }
    throw new InvalidEnvironmentError([...byVariable.keys()], [...byVariable.values()]);
  }
  return { ...result.data, NODE_ENV: mode } as Env;
}

let cached: Env | undefined;

/** The validated settings of this process, parsed once. */
/** Whether the dev outbox page may be shown. */
export function devOutboxEnabled(settings: Env = env()): boolean {
  return settings.EMAIL_DEV_OUTBOX ?? settings.NODE_ENV !== "production";
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
