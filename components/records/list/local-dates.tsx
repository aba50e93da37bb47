"use client";

// Dates in the reader's locale. A date of service is a calendar day with no
// time zone, so it is formatted in UTC (it must not move a day east or west).
// The server does not know the locale: it renders the ISO form, the browser
// replaces it after hydration.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function useLocaleText(iso: string, format: () => string, fallback: string): string {
  return useSyncExternalStore(subscribe, format, () => fallback);
}

/** "12 Mar 2026" for "2026-03-12". */
export function LocalDay({ value }: { value: string }) {
  const text = useLocaleText(value, () => new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" }), value.slice(0, 10));
  return <time dateTime={value.slice(0, 10)}>{text}</time>;
}

/** "March 2026" for "2026-03". */
export function LocalMonth({ value }: { value: string }) {
  const text = useLocaleText(value, () => new Date(`${value}-01T00:00:00Z`).toLocaleDateString(undefined, { month: "long", year: "numeric", timeZone: "UTC" }), value);
  return <time dateTime={value}>{text}</time>;
}

/** An instant (upload time) as a day in the reader's own time zone. */
export function LocalInstantDay({ value }: { value: string }) {
  const text = useLocaleText(value, () => new Date(value).toLocaleDateString(undefined, { dateStyle: "medium" }), value.slice(0, 10));
  return <time dateTime={value}>{text}</time>;
}
