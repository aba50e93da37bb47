"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { keepSessionAlive } from "./actions";

const WARN_BEFORE_MS = 2 * 60_000;
// The server records activity at most once a minute; stay on the safe side of it.
const SERVER_LAG_MS = 60_000;

function formatRemaining(ms: number) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Warns before the idle sign-out and offers to stay signed in. */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  // Every navigation reaches the server, which counts as activity there: a new
  // key per page starts the countdown afresh.
  return <IdleCountdown key={usePathname()} idleMinutes={idleMinutes} />;
}

function IdleCountdown({ idleMinutes }: { idleMinutes: number }) {
  const router = useRouter();
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const deadline = lastActivity + idleMinutes * 60_000 - SERVER_LAG_MS;
  const remaining = deadline - now;

  useEffect(() => {
    if (remaining <= 0) router.replace("/sign-in?expired=1");
  }, [remaining, router]);

  const stay = useCallback(async () => {
    const { ok } = await keepSessionAlive();
    if (ok) setLastActivity(Date.now());
    else router.replace("/sign-in?expired=1");
  }, [router]);

  return (
    <Dialog.Root open={remaining > 0 && remaining <= WARN_BEFORE_MS}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Are you still there?</Dialog.Title>
          <Dialog.Description className="mt-2 text-slate-600">
            To protect your records you will be signed out in <strong>{formatRemaining(remaining)}</strong>.
          </Dialog.Description>
          <div className="mt-6 flex justify-end">
            <Button onClick={stay}>Stay signed in</Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
