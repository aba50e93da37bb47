"use client";

// The header's bell: the unread count, polled from /api/notifications/unread
// every 15 s while the tab is visible (and at once when it becomes visible
// again), so new notifications show up without a reload. Opening it lists the
// latest unread ones. Without JavaScript it is a plain link to the page.
import { Bell } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";

export const POLL_INTERVAL_MS = 15_000;

export interface UnreadSummary {
  count: number;
  latest: { id: string; title: string; createdAt: string }[];
}

export function NotificationBell({ initial, pollIntervalMs = POLL_INTERVAL_MS }: { initial: UnreadSummary; pollIntervalMs?: number }) {
  const [summary, setSummary] = useState(initial);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/notifications/unread", { cache: "no-store", headers: { accept: "application/json" } });
      if (!response.ok) return;
      setSummary((await response.json()) as UnreadSummary);
    } catch {
      // Offline or the server restarting: keep the last count, try again on the next tick.
    }
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(() => void refresh(), pollIntervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        void refresh();
        start();
      } else stop();
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [refresh, pollIntervalMs]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    const onClick = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const label = summary.count === 0 ? "Notifications, none unread" : `Notifications, ${summary.count} unread`;
  return (
    <div ref={root} className="relative">
      <a
        href="/notifications"
        role="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={(event) => {
          event.preventDefault();
          setOpen((value) => !value);
          if (!open) void refresh();
        }}
        onKeyDown={(event) => {
          // A button answers Space too (the link already answers Enter).
          if (event.key === " ") {
            event.preventDefault();
            event.currentTarget.click();
          }
        }}
        className="relative flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <Bell aria-hidden className="size-6" />
        {summary.count > 0 ? (
          <span aria-hidden data-testid="notification-count" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white">
            {summary.count > 99 ? "99+" : summary.count}
          </span>
        ) : null}
      </a>
      <span role="status" className="sr-only">
        {summary.count > 0 ? `${summary.count} unread notifications` : ""}
      </span>
      {open ? (
        <div id={panelId} role="region" aria-label="Latest notifications" className="absolute right-0 z-30 mt-2 w-[min(20rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
          {summary.latest.length === 0 ? (
            <p className="px-3 py-3 text-slate-600">No unread notifications.</p>
          ) : (
            <ul className="flex flex-col">
              {summary.latest.map((item) => (
                <li key={item.id}>
                  <a href={`/notifications/open/${item.id}`} className="block rounded-md px-3 py-3 text-slate-800 hover:bg-slate-100">
                    {item.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <a href="/notifications" className="mt-1 block rounded-md px-3 py-3 text-center font-semibold text-accent-700 hover:bg-slate-100">
            See all notifications
          </a>
        </div>
      ) : null}
    </div>
  );
}
