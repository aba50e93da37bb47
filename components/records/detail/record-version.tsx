"use client";

// The record version the page last saw, shared by everything on the page that
// changes the record (correction form, archive/restore): each change is sent
// with it, and the server refuses it (CONFLICT) if someone changed the record
// in between, rather than overwriting their change.
import { createContext, useContext, useState, type ReactNode } from "react";

const VersionContext = createContext<{ version: number; setVersion: (version: number) => void } | null>(null);

export function RecordVersionProvider({ version: fromServer, children }: { version: number; children: ReactNode }) {
  const [local, setVersion] = useState(fromServer);
  // Our own change tells us the new version at once; a refresh (ours or after a conflict) brings the server's.
  const version = Math.max(local, fromServer);
  return <VersionContext.Provider value={{ version, setVersion }}>{children}</VersionContext.Provider>;
}

export function useRecordVersion() {
  const context = useContext(VersionContext);
  if (!context) throw new Error("useRecordVersion needs a RecordVersionProvider");
  return context;
}
