"use client";

// Results of list actions (archive, restore) as a toast that outlives the row
// it came from, with an optional action such as Undo. Stays 10 seconds, longer
// while the pointer or focus is on it.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { CircleAlert, CircleCheck, X } from "lucide-react";
import { cn } from "@/components/ui/cn";

export interface Toast {
  tone: "success" | "error";
  message: string;
  action?: { label: string; run: () => void };
}

const ToastContext = createContext<(toast: Toast) => void>(() => {});

export const useShowToast = () => useContext(ToastContext);

const TOAST_MS = 10_000;

export function RecordsToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<(Toast & { key: number }) | null>(null);
  const [held, setHeld] = useState(false);
  const counter = useRef(0);
  const show = useCallback((next: Toast) => setToast({ ...next, key: (counter.current += 1) }), []);

  useEffect(() => {
    if (!toast || held) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, held]);

  const Icon = toast?.tone === "error" ? CircleAlert : CircleCheck;
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-4">
        {toast ? (
          <div
            key={toast.key}
            role={toast.tone === "error" ? "alert" : "status"}
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            onFocus={() => setHeld(true)}
            onBlur={() => setHeld(false)}
            className={cn(
              "pointer-events-auto flex w-full max-w-md items-center gap-3 rounded-xl px-4 py-2 text-white shadow-lg",
              toast.tone === "error" ? "bg-red-800" : "bg-slate-900",
            )}
          >
            <Icon aria-hidden className="size-5 shrink-0" />
            <p className="flex-1 py-2">
              <span className="sr-only">{toast.tone === "error" ? "Error: " : "Done: "}</span>
              {toast.message}
            </p>
            {toast.action ? (
              <button
                type="button"
                onClick={() => {
                  const run = toast.action!.run;
                  setToast(null);
                  run();
                }}
                className="min-h-11 rounded-lg px-3 font-semibold text-accent-100 underline focus-visible:outline-white"
              >
                {toast.action.label}
              </button>
            ) : null}
            <button type="button" onClick={() => setToast(null)} aria-label="Dismiss" className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg focus-visible:outline-white">
              <X aria-hidden className="size-5" />
            </button>
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}
