// SQL shared by the queue's raw statements. Job timestamps are TIMESTAMP
// without time zone holding UTC (as Prisma writes them), so "now" is taken in
// UTC whatever the session's time zone, and compared on the database's clock
// only: workers on other machines may drift, the database is the one reference.
import { Prisma } from "@/lib/generated/prisma/client";

export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export function millis(ms: number): Prisma.Sql {
  return Prisma.sql`(${Math.max(0, Math.round(ms))}::float8 * interval '1 millisecond')`;
}
