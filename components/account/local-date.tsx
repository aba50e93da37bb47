"use client";

/** A date in the reader's own locale and time zone (the server knows neither). */
export function LocalDate({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    // The server renders its own zone's text; the browser's replaces it on hydration.
    <time dateTime={iso} suppressHydrationWarning>
      {date.toLocaleDateString(undefined, { dateStyle: "medium" })}
    </time>
  );
}
