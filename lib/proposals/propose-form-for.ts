// Whether the clinician viewing a shared record may propose a change to it
// (a PROPOSE_EDITS grant covering it, decided by lib/authz), and if so the
// values the "Propose a change" form starts from. null: do not show the form.
// The use case decides again on submit; this only avoids offering a form that
// would be refused.
import { decideAccess, resolveAccessActor } from "@/lib/authz/decide-access";
import type { Actor } from "@/lib/authz/records";
import type { StoredRecord } from "@/lib/records/stored-record";
import { recordMetadataSnapshot } from "./record-metadata-snapshot";

export interface ProposeFormStart {
  recordId: string;
  version: number;
  category: string | null;
  dateOfService: string | null;
  tags: string[];
  bodyPart: string | null;
  sourceProvider: string | null;
}

export async function proposeFormFor(options: { actor: Actor; record: StoredRecord }): Promise<ProposeFormStart | null> {
  const { record } = options;
  if (record.status !== "READY") return null;
  const actor = await resolveAccessActor(options.actor);
  const access = await decideAccess({ actor, patientId: record.ownerId, action: "propose_edit", record: { id: record.id, ownerId: record.ownerId, category: record.category } });
  if (!access.allowed || access.via !== "grant") return null;
  return { recordId: record.id, version: record.version, ...recordMetadataSnapshot(record) };
}
