// Prisma CLI configuration. The CLI is optional here: migrations are produced and
// applied by `npm run db:migration` / `npm run db:migrate` (lib/migrations),
// which need no downloaded engine binary. `prisma migrate deploy` accepts the same
// folder where the binary is available.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/medvault" },
});
