"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * "23 Nov at 14:02" in the reader's time zone (the year added when it is not
 * this year). The server does not know the zone, so it renders UTC first.
 */
export function ActivityTime({ value }: { value: Date | string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const iso = date.toISOString();
  const text = useSyncExternalStore(subscribe, () => phrase(date, undefined), () => `${phrase(date, "UTC")} UTC`);
  return <time dateTime={iso}>{text}</time>;
}

function phrase(date: Date, timeZone: string | undefined): string {
  const sameYear = date.getFullYear() === new Date().getFullYear();
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }), timeZone });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  return `${day} at ${time}`;
}
