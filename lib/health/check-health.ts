// Reports whether each backing service answers. Never includes hosts, keys or
// error texts: the endpoint is public.
import { db } from "@/lib/db";
import { emailProvider, type EmailProvider } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { recordsContainer } from "@/lib/storage/blob-service";

export type ServiceStatus = "up" | "down" | "not_configured";

export interface HealthReport {
  status: "ok" | "degraded" | "down";
  checks: {
    database: ServiceStatus;
    storage: ServiceStatus;
    search: ServiceStatus;
    email: ServiceStatus;
  };
  engines: { search: "postgres" | "meilisearch"; email: EmailProvider };
}

const TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<ServiceStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
    return "up";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

async function probeMeilisearch(host: string): Promise<ServiceStatus> {
  return probe(async () => {
    const response = await fetch(new URL("/health", host), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`status ${response.status}`);
  });
}

export async function checkHealth(): Promise<HealthReport> {
  const settings = env();
  const emailEngine = emailProvider();
  const searchEngine = settings.MEILI_HOST ? "meilisearch" : "postgres";

  const [database, storage, meili] = await Promise.all([
    probe(() => db.$queryRaw`SELECT 1`),
    probe(() => recordsContainer().getProperties()),
    settings.MEILI_HOST ? probeMeilisearch(settings.MEILI_HOST) : Promise.resolve(undefined),
  ]);

  const checks = {
    database,
    storage,
    // The embedded search engine is Postgres itself.
    search: meili ?? database,
    // The dev outbox is a table: it works when the database does. Resend and SMTP
    // are reached only when a mail is sent (their jobs retry), so "configured" is "up".
    email: emailEngine === "dev-outbox" ? ("not_configured" as const) : ("up" as const),
  };
  const status = database === "down" ? "down" : Object.values(checks).includes("down") ? "degraded" : "ok";
  return { status, checks, engines: { search: searchEngine, email: emailEngine } };
}
