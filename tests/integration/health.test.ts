// The health endpoint against the real services of the run, and with the
// database unreachable: 503, and nothing about hosts or secrets in the answer.

const cache = globalThis as { medvaultPrisma?: unknown };

async function healthWith(databaseUrl: string | undefined) {
  const saved = process.env.DATABASE_URL;
  const savedClient = cache.medvaultPrisma;
  if (databaseUrl) {
    process.env.DATABASE_URL = databaseUrl;
    // lib/db keeps its client on globalThis outside production; this load needs its own.
    delete cache.medvaultPrisma;
  }
  try {
    let GET: () => Promise<Response> = async () => new Response();
    // A fresh module registry: env() and the Prisma client are built anew from this setting.
    jest.isolateModules(() => {
      // isolateModules works on synchronous requires only.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ({ GET } = require("@/app/api/health/route"));
    });
    return await GET();
  } finally {
    process.env.DATABASE_URL = saved;
    cache.medvaultPrisma = savedClient;
  }
}

describe("GET /api/health", () => {
  it("reports the run's database and blob storage as up", async () => {
    const response = await healthWith(undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", checks: { database: "up", storage: "up" } });
  });

  it("answers 503 when the database is down, without revealing where it is", async () => {
    // A port nothing listens on: the connection is refused at once.
    const response = await healthWith("postgresql://postgres@127.0.0.1:1/medvault_test_unreachable");
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "down", checks: { database: "down" } });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|postgres@|AccountKey/);
  });
});
