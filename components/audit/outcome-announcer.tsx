"use client";

// Holds the outcome of the last confirmed action of a list and shows it above
// the list. An approved proposal or an ended emergency access leaves its list
// when the page refreshes, so the message cannot live in the item itself.
import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

type Announce = (outcome: { tone: "success" | "error"; message: string }) => void;

const AnnouncerContext = createContext<Announce | null>(null);

export function useAnnounce(): Announce | null {
  return useContext(AnnouncerContext);
}

export function OutcomeAnnouncer({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  return (
    <AnnouncerContext.Provider value={setOutcome}>
      {outcome ? (
        <div className="mb-4">
          <Alert tone={outcome.tone}>{outcome.message}</Alert>
        </div>
      ) : null}
      {children}
    </AnnouncerContext.Provider>
  );
}
