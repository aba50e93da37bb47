// The one Prisma client of the process, over node-postgres (driver adapter, no
// engine binary). Secrets are omitted from every query result unless a caller
// asks for them explicitly with `omit: { field: false }` (or a `select`); so is a
// record's extracted text, which only the search index reads and which can be
// megabytes per row: lists and access checks would fetch it only to drop it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecretEncrypted: true }, record: { extractedText: true } },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { medvaultPrisma?: Client };

// Reused across hot reloads in development so connections are not leaked.
export const db: Client = globalForPrisma.medvaultPrisma ?? createClient();
if (env().NODE_ENV !== "production") globalForPrisma.medvaultPrisma = db;

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
