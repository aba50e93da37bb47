"use client";

// Shown on every page of a patient while an emergency access is open: what it
// is, the time left (counting down) and "End now".
import { ShieldAlert } from "lucide-react";
import { useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { PublicError } from "@/lib/errors";

type Result = { ok: true } | ({ ok: false } & PublicError);

export function timeLeftText(ms: number): string {
  if (ms <= 0) return "ended";
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min left`;
  return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`;
}

// A clock that ticks every 15 s, read in 15 s steps so renders between ticks see
// the same value. Rounded up, never down: the banner may say a little less time
// than is left, never more (a fresh 4-hour access must not read "4 h 1 min").
function subscribeToClock(onTick: () => void) {
  const timer = setInterval(onTick, 15_000);
  return () => clearInterval(timer);
}
const readClock = () => Math.ceil(Date.now() / 15_000) * 15_000;

export function EmergencyBanner({ grantId, expiresAt, end }: { grantId: string; expiresAt: string; end: (input: { grantId: string }) => Promise<Result | undefined> }) {
  const now = useSyncExternalStore(subscribeToClock, readClock, () => null);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);

  const left = now === null ? null : new Date(expiresAt).getTime() - now;

  return (
    <div role="region" aria-label="Emergency access" className="border-b-4 border-amber-500 bg-amber-100 text-amber-950">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-start gap-2">
          <ShieldAlert aria-hidden className="mt-0.5 size-5 shrink-0" />
          <span>
            <strong>Emergency access is open.</strong> View only, recorded and reported to the patient.{" "}
            <span data-testid="emergency-time-left" className="font-semibold">
              {left === null ? "At most 4 hours." : timeLeftText(left)}
            </span>
            {failure ? <span className="block font-medium text-red-800">{failure}</span> : null}
          </span>
        </p>
        <Button
          variant="secondary"
          pending={pending}
          className="shrink-0"
          onClick={() =>
            startTransition(async () => {
              setFailure(null);
              const result = await end({ grantId });
              if (result && !result.ok) setFailure(result.message);
            })
          }
        >
          End now
        </Button>
      </div>
    </div>
  );
}
