"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { archiveRecordAction, restoreRecordAction } from "@/app/(patient)/patient/records/[recordId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CONFLICT_MESSAGE } from "./metadata-form";
import { useRecordVersion } from "./record-version";

/** Archive moves the record out of the main list (nothing is deleted); Restore brings it back. */
export function ArchiveButton({ recordId, archived }: { recordId: string; archived: boolean }) {
  const router = useRouter();
  const { version, setVersion } = useRecordVersion();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  const run = () =>
    startTransition(async () => {
      setOutcome(null);
      const action = archived ? restoreRecordAction : archiveRecordAction;
      const result = await action({ recordId, expectedVersion: version });
      if (result.ok) {
        setVersion(result.version);
        setOutcome({ tone: "success", message: archived ? "Restored: the record is back in your records." : "Archived: the record is kept, but no longer in your main list." });
        router.refresh();
      } else {
        setOutcome({ tone: "error", message: result.code === "CONFLICT" ? CONFLICT_MESSAGE : result.message });
      }
    });

  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={run} pending={pending}>
        {pending ? null : archived ? <ArchiveRestore aria-hidden className="size-5" /> : <Archive aria-hidden className="size-5" />}
        {archived ? "Restore" : "Archive"}
      </Button>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
    </div>
  );
}
