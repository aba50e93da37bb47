"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A time in the viewer's locale and time zone. The server does not know the
 * zone, so it renders UTC; the browser replaces it on hydration.
 */
export function LocalTime({ value, dateOnly = false }: { value: Date | string; dateOnly?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const iso = date.toISOString();
  const text = useSyncExternalStore(
    subscribe,
    () => (dateOnly ? date.toLocaleDateString(undefined, { dateStyle: "medium" }) : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })),
    () => (dateOnly ? iso.slice(0, 10) : `${iso.slice(0, 16).replace("T", " ")} UTC`),
  );
  return <time dateTime={iso}>{text}</time>;
}
