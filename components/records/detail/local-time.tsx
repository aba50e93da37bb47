"use client";

/** A date (and time) in the reader's own locale and time zone; calendar dates ("YYYY-MM-DD") never shift a day. */
export function LocalTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = calendarDate ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  const text = date.toLocaleString(undefined, {
    dateStyle: "medium",
    ...(withTime && !calendarDate ? { timeStyle: "short" } : {}),
    ...(calendarDate ? { timeZone: "UTC" } : {}),
  });
  return (
    // The server renders its own zone's text; the browser's replaces it on hydration.
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
