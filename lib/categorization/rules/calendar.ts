// Calendar dates as "YYYY-MM-DD" strings, and which of them can be a date of service.
import type { IsoDate } from "../types";

const EARLIEST = "1900-01-01";

/** A real calendar date as "YYYY-MM-DD", or undefined (31 February, month 13, ...). */
export function isoFromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Latest acceptable date of service: today, plus one day because "today" where
 * the patient lives may already be tomorrow in UTC.
 */
function latest(now: Date): IsoDate {
  return new Date(now.getTime() + 24 * 60 * 60_000).toISOString().slice(0, 10);
}

/** Not before 1900 and not in the future: anything else is a typo, a birth year of a great-grandparent or an expiry date. */
export function isPlausibleServiceDate(date: IsoDate, now: Date): boolean {
  return date >= EARLIEST && date <= latest(now);
}

/** "2024-03-05" -> the Date Prisma writes to a @db.Date column (midnight UTC). */
export function isoToDbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A @db.Date column value (midnight UTC) -> "2024-03-05". */
export function dbDateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
