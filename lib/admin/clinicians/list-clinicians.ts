// The admin's list of accounts to verify and manage: clinicians by default,
// patients on request (to suspend one), never admins. Filters, search, sort
// and paging all happen in the query; the tab counts share the role and search
// filters so each tab says how many rows it would show.
import { CLINICIAN_ROLES } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import type { Prisma, Role, UserStatus } from "@/lib/generated/prisma/client";
import { requireActiveAdmin } from "../require-admin";
import { CLINICIANS_PAGE_SIZE, type TClinicianListQuery, type TRoleFilter, type TStatusFilter } from "./schemas";

const ROLE_BY_FILTER: Record<TRoleFilter, Role> = { physician: "PHYSICIAN", nurse: "NURSE", staff: "STAFF", patient: "PATIENT" };
const STATUS_BY_FILTER: Record<Exclude<TStatusFilter, "all">, UserStatus> = { pending: "PENDING_VERIFICATION", active: "ACTIVE", suspended: "SUSPENDED" };

export interface ClinicianListRow {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  status: UserStatus;
  createdAt: Date;
  licenseNumber: string | null;
  specialty: string | null;
  organization: string | null;
  verifiedAt: Date | null;
}

export interface ClinicianList {
  rows: ClinicianListRow[];
  counts: Record<TStatusFilter, number>;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Rows matching the current tab (for "showing x-y of total"). */
  total: number;
  sort: TClinicianListQuery["sort"];
  dir: "asc" | "desc";
}

/** Where Postgres LIKE sees wildcards; escaped so a search for "_" finds underscores only. */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function scopeWhere(query: Pick<TClinicianListQuery, "role" | "q">): Prisma.UserWhereInput {
  const role: Prisma.UserWhereInput = query.role ? { role: ROLE_BY_FILTER[query.role] } : { role: { in: [...CLINICIAN_ROLES] } };
  if (!query.q) return role;
  const contains = { contains: likeLiteral(query.q), mode: "insensitive" as const };
  return {
    AND: [
      role,
      {
        OR: [
          { name: contains },
          { email: contains },
          { clinicianProfile: { is: { organization: contains } } },
          { clinicianProfile: { is: { licenseNumber: contains } } },
        ],
      },
    ],
  };
}

export async function listClinicians(options: { adminId: string; query: TClinicianListQuery }): Promise<ClinicianList> {
  await requireActiveAdmin({ adminId: options.adminId });
  const { query } = options;
  const scope = scopeWhere(query);
  const where: Prisma.UserWhereInput = query.status === "all" ? scope : { AND: [scope, { status: STATUS_BY_FILTER[query.status] }] };
  const dir = query.dir ?? (query.sort === "name" ? "asc" : "desc");
  // The id breaks ties, so rows with equal names or times never move between pages.
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: { sort: dir, nulls: "last" } }, { email: dir }, { id: dir }] : [{ createdAt: dir }, { id: dir }];

  const grouped = await db.user.groupBy({ by: ["status"], where: scope, _count: { _all: true } });
  const countOf = (status: UserStatus) => grouped.find((group) => group.status === status)?._count._all ?? 0;
  const counts: Record<TStatusFilter, number> = {
    pending: countOf("PENDING_VERIFICATION"),
    active: countOf("ACTIVE"),
    suspended: countOf("SUSPENDED"),
    all: grouped.reduce((sum, group) => sum + group._count._all, 0),
  };
  const total = counts[query.status];
  const pageCount = Math.max(1, Math.ceil(total / CLINICIANS_PAGE_SIZE));
  // A page past the end (rows were verified away meanwhile) shows the last page.
  const page = Math.min(query.page, pageCount);

  const users = await db.user.findMany({
    where,
    orderBy,
    skip: (page - 1) * CLINICIANS_PAGE_SIZE,
    take: CLINICIANS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      clinicianProfile: { select: { licenseNumber: true, specialty: true, organization: true, verifiedAt: true } },
    },
  });

  const rows = users.map(({ clinicianProfile: profile, ...user }) => ({
    ...user,
    licenseNumber: profile?.licenseNumber ?? null,
    specialty: profile?.specialty ?? null,
    organization: profile?.organization ?? null,
    verifiedAt: profile?.verifiedAt ?? null,
  }));
  return { rows, counts, page, pageCount, pageSize: CLINICIANS_PAGE_SIZE, total, sort: query.sort, dir };
}
