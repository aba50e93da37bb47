-- CreateEnum
CREATE TYPE "ClinicianInvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'CANCELLED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ClinicianInvitation" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "scope" "GrantScope" NOT NULL,
    "categories" "RecordCategory"[],
    "recordIds" TEXT[],
    "level" "GrantLevel" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "inviteExpiresAt" TIMESTAMP(3) NOT NULL,
    "status" "ClinicianInvitationStatus" NOT NULL DEFAULT 'PENDING',
    "grantId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClinicianInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClinicianInvitation_patientId_status_createdAt_idx" ON "ClinicianInvitation"("patientId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ClinicianInvitation_email_status_idx" ON "ClinicianInvitation"("email", "status");

-- AddForeignKey
ALTER TABLE "ClinicianInvitation" ADD CONSTRAINT "ClinicianInvitation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one PENDING invitation per (patient, email). Addresses are lower-cased
-- by the zod schema at the boundary; a CHECK constraint here would be enforced
-- too, but Prisma's schema engine (wasm) crashes introspecting one.
CREATE UNIQUE INDEX "ClinicianInvitation_one_pending_per_email_key" ON "ClinicianInvitation"("patientId", "email") WHERE "status" = 'PENDING';
