"use client";

// Sends one failed job back to the queue. Not destructive (the job runs again,
// as it would have on its own), so it does not ask first.
import { RotateCcw } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export type JobActionResult = { ok: boolean; tone: "success" | "info" | "error"; message: string };
export type JobAction = (input: unknown) => Promise<JobActionResult>;

export function JobRetryButton({ jobId, retry, onResult }: { jobId: string; retry: JobAction; onResult: (result: JobActionResult) => void }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      pending={pending}
      aria-label={`Retry job ${jobId}`}
      onClick={() =>
        startTransition(async () => {
          onResult(await retry({ id: jobId }));
        })
      }
    >
      <RotateCcw aria-hidden className="size-4" />
      Retry
    </Button>
  );
}
