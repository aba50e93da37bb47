// The records a user may see, filtered and paged. Scoped by recordWhereFor, so
// the sharing issue widens it in one place. Keyset-style paging via Prisma's
// cursor on a total order (sort field, then id).
import { recordWhereFor, type Actor } from "@/lib/authz/records";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZListRecordsSchema, type TListRecordsInput } from "@/lib/validation/records";
import { parseInput } from "@/lib/validation/parse-input";
import { FORMER_CLINICIAN } from "./former-clinician";
import { toRecordSummary, type RecordSummary } from "./record-summary";
import { uploaderDisplayName } from "./uploader-name";

export interface ListRecordsResult {
  records: Array<RecordSummary & { uploadedByName: string | null }>;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export async function listRecords(options: { actor: Actor; input?: TListRecordsInput }): Promise<ListRecordsResult> {
  const input = parseInput(ZListRecordsSchema, options.input ?? {});
  const filters: Prisma.RecordWhereInput[] = [await recordWhereFor({ actor: options.actor })];
  if (input.status !== "ALL") filters.push({ status: input.status });
  if (input.category) filters.push({ category: input.category });
  if (input.provider) filters.push({ sourceProvider: { contains: input.provider, mode: "insensitive" } });
  if (input.from || input.to) filters.push({ dateOfService: { ...(input.from && { gte: input.from }), ...(input.to && { lte: input.to }) } });

  const orderBy: Prisma.RecordOrderByWithRelationInput[] =
    input.sort === "dateOfService"
      ? [{ dateOfService: { sort: input.direction, nulls: "last" } }, { createdAt: input.direction }, { id: input.direction }]
      : [{ createdAt: input.direction }, { id: input.direction }];

  // A cursor from outside the caller's scope would let them probe another record's position.
  if (input.cursor && !(await db.record.findFirst({ where: { AND: [{ id: input.cursor }, filters[0]!] }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "This list has changed. Reload it and try again.");
  }

  const rows = await db.record.findMany({
    where: { AND: filters },
    orderBy,
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    // Who uploaded it, for records a clinician contributed ("Uploaded by Dr. …").
    include: { uploadedBy: { select: { name: true, role: true } } },
  });
  const page = rows.slice(0, input.limit);
  const records = page.map(({ uploadedBy, ...row }) => ({
    ...toRecordSummary(row),
    uploadedByName: row.uploadedById === row.ownerId ? null : row.uploadedById === null ? FORMER_CLINICIAN : uploaderDisplayName(uploadedBy),
  }));
  return { records, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
