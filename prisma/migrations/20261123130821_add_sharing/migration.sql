-- CreateEnum
CREATE TYPE "GrantScope" AS ENUM ('ALL', 'CATEGORIES', 'RECORDS');

-- CreateEnum
CREATE TYPE "GrantLevel" AS ENUM ('VIEW', 'DOWNLOAD', 'CONTRIBUTE', 'PROPOSE_EDITS');

-- CreateEnum
CREATE TYPE "GrantOrigin" AS ENUM ('DIRECT', 'REQUEST', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'CANCELLED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "patientCode" TEXT;

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "granteeId" TEXT NOT NULL,
    "scope" "GrantScope" NOT NULL,
    "categories" "RecordCategory"[],
    "recordIds" TEXT[],
    "level" "GrantLevel" NOT NULL,
    "origin" "GrantOrigin" NOT NULL DEFAULT 'DIRECT',
    "reason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "clinicianId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "scope" "GrantScope" NOT NULL,
    "categories" "RecordCategory"[],
    "level" "GrantLevel" NOT NULL,
    "durationDays" INTEGER NOT NULL,
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "grantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Grant_patientId_granteeId_revokedAt_expiresAt_idx" ON "Grant"("patientId", "granteeId", "revokedAt", "expiresAt");

-- CreateIndex
CREATE INDEX "Grant_granteeId_revokedAt_expiresAt_idx" ON "Grant"("granteeId", "revokedAt", "expiresAt");

-- CreateIndex
CREATE INDEX "Grant_patientId_createdAt_idx" ON "Grant"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Grant_expiresAt_reminderSentAt_idx" ON "Grant"("expiresAt", "reminderSentAt");

-- CreateIndex
CREATE INDEX "AccessRequest_patientId_status_createdAt_idx" ON "AccessRequest"("patientId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_clinicianId_createdAt_idx" ON "AccessRequest"("clinicianId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_grantId_idx" ON "AccessRequest"("grantId");

-- CreateIndex
CREATE UNIQUE INDEX "User_patientCode_key" ON "User"("patientCode");

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_granteeId_fkey" FOREIGN KEY ("granteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_clinicianId_fkey" FOREIGN KEY ("clinicianId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express partial indexes). At most one
-- non-revoked DIRECT/REQUEST grant per (patient, grantee): granting again
-- updates that row (lib/sharing/upsert-grant.ts), and concurrent grants cannot
-- leave two behind. Expiry is not part of the predicate (now() is not
-- immutable): an expired, unrevoked grant still holds the slot and is renewed
-- in place. EMERGENCY grants are excluded: one row per opening, view-only, 4 h.
CREATE UNIQUE INDEX "Grant_one_active_per_pair_key" ON "Grant"("patientId", "granteeId") WHERE "revokedAt" IS NULL AND "origin" <> 'EMERGENCY';

-- Written by hand: at most one PENDING request per (patient, clinician).
CREATE UNIQUE INDEX "AccessRequest_one_pending_per_pair_key" ON "AccessRequest"("patientId", "clinicianId") WHERE "status" = 'PENDING';
