// Names of new migration folders: <UTC YYYYMMDDHHMMSS>_<snake_case name>, the
// format the Prisma CLI generates, so both tools' folders sort by creation time.
import { z } from "zod";

export const ZMigrationNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, "must be snake_case: lower-case letters, digits and single underscores, e.g. add_grants")
  .max(200, "must be at most 200 characters");

export function migrationDirectoryName(name: string, now: Date): string {
  const timestamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${timestamp}_${name}`;
}
