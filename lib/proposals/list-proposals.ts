// Proposals as their two readers see them: the patient's inbox (proposals
// about their data) and a clinician's own (proposals they made). Each comes
// with its before/after as readable rows. Nobody sees anyone else's.
import { hasPermission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { HealthEntryKind, Prisma, ProposalStatus, ProposalTarget, Role } from "@/lib/generated/prisma/client";
import { requireSharingActor, type SharingActor } from "@/lib/sharing/sharing-actor";
import { parseInput } from "@/lib/validation/parse-input";
import { proposalFieldChanges, type ProposalFieldChange } from "./proposal-fields";
import { ZProposalListQuerySchema, type TProposalListQuery } from "./schemas";

export const PROPOSALS_PAGE_SIZE = 20;

export interface ListedProposal {
  id: string;
  target: ProposalTarget;
  status: ProposalStatus;
  createdAt: Date;
  decidedAt: Date | null;
  /** What the proposal is about, e.g. the record's file name or "Medication". */
  subject: { kind: "record"; id: string | null; name: string | null } | { kind: "health_entry"; id: string | null; healthKind: HealthEntryKind | null; isNew: boolean };
  proposedBy: { id: string; name: string | null; role: Role } | null;
  patient: { id: string; name: string | null };
  note: string | null;
  changes: ProposalFieldChange[];
}

const STATUS_FILTER: Record<TProposalListQuery["status"], Prisma.EditProposalWhereInput> = {
  pending: { status: "PENDING" },
  decided: { status: { not: "PENDING" } },
  all: {},
};

export async function listProposals(options: { actor: SharingActor; view: "inbox" | "mine"; query?: unknown }) {
  const actor = await requireSharingActor({ actor: options.actor, permission: options.view === "inbox" ? "own_data:manage" : "grants:use" });
  const query = parseInput(ZProposalListQuerySchema, options.query ?? {});
  // Never an undefined filter: the owner column is always set from the checked actor.
  const mine: Prisma.EditProposalWhereInput = options.view === "inbox" && hasPermission(actor, "own_data:manage") ? { patientId: actor.id } : { proposedById: actor.id };
  const where: Prisma.EditProposalWhereInput = { AND: [mine, STATUS_FILTER[query.status]] };

  const [rows, total, pendingCount] = await Promise.all([
    db.editProposal.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * PROPOSALS_PAGE_SIZE,
      take: PROPOSALS_PAGE_SIZE,
      include: {
        record: { select: { id: true, originalName: true } },
        proposedBy: { select: { id: true, name: true, role: true } },
        patient: { select: { id: true, name: true } },
      },
    }),
    db.editProposal.count({ where }),
    db.editProposal.count({ where: { AND: [mine, { status: "PENDING" }] } }),
  ]);

  const items: ListedProposal[] = rows.map((row) => ({
    id: row.id,
    target: row.target,
    status: row.status,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    subject:
      row.target === "RECORD_METADATA"
        ? { kind: "record", id: row.record?.id ?? null, name: row.record?.originalName ?? null }
        : { kind: "health_entry", id: row.healthEntryId, healthKind: row.healthKind, isNew: row.healthEntryId === null },
    proposedBy: row.proposedBy,
    patient: row.patient,
    note: row.note,
    changes: proposalFieldChanges({ target: row.target, before: row.before, after: row.after }),
  }));
  return { items, total, pendingCount, page: query.page, pageCount: Math.max(1, Math.ceil(total / PROPOSALS_PAGE_SIZE)), query };
}
