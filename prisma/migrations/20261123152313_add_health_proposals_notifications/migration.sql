-- CreateEnum
CREATE TYPE "HealthEntryKind" AS ENUM ('CONDITION', 'MEDICATION', 'ALLERGY', 'LAB_RESULT', 'VITAL_SIGN', 'IMMUNIZATION');

-- CreateEnum
CREATE TYPE "ProposalTarget" AS ENUM ('RECORD_METADATA', 'HEALTH_ENTRY');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'OUTDATED');

-- CreateEnum
CREATE TYPE "NotificationType" AS ENUM ('RECORD_UPLOADED', 'GRANT_CREATED', 'GRANT_CHANGED', 'GRANT_REVOKED', 'GRANT_EXPIRING', 'GRANT_EXPIRED', 'ACCESS_REQUESTED', 'ACCESS_APPROVED', 'ACCESS_DENIED', 'EDIT_PROPOSED', 'EDIT_APPROVED', 'EDIT_REJECTED', 'EMERGENCY_ACCESS', 'ACCOUNT_VERIFIED', 'ACCOUNT_SUSPENDED', 'NEW_SIGN_IN', 'EXPORT_READY', 'ACCOUNT_DELETED');

-- CreateTable
CREATE TABLE "HealthEntry" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "HealthEntryKind" NOT NULL,
    "data" JSONB NOT NULL,
    "effectiveAt" TIMESTAMP(3),
    "sourceKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthEntryVersion" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changedById" TEXT,
    "previous" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditProposal" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "proposedById" TEXT,
    "target" "ProposalTarget" NOT NULL,
    "recordId" TEXT,
    "healthEntryId" TEXT,
    "healthKind" "HealthEntryKind",
    "baseVersion" INTEGER,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "note" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EditProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "type" "NotificationType" NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "dailyDigest" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","type")
);

-- CreateIndex
CREATE INDEX "HealthEntry_patientId_kind_deletedAt_effectiveAt_idx" ON "HealthEntry"("patientId", "kind", "deletedAt", "effectiveAt");

-- CreateIndex
CREATE UNIQUE INDEX "HealthEntry_patientId_sourceKey_key" ON "HealthEntry"("patientId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "HealthEntryVersion_entryId_version_key" ON "HealthEntryVersion"("entryId", "version");

-- CreateIndex
CREATE INDEX "EditProposal_patientId_status_createdAt_idx" ON "EditProposal"("patientId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "EditProposal_proposedById_createdAt_idx" ON "EditProposal"("proposedById", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "HealthEntry" ADD CONSTRAINT "HealthEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthEntry" ADD CONSTRAINT "HealthEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthEntry" ADD CONSTRAINT "HealthEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthEntryVersion" ADD CONSTRAINT "HealthEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "HealthEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthEntryVersion" ADD CONSTRAINT "HealthEntryVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditProposal" ADD CONSTRAINT "EditProposal_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditProposal" ADD CONSTRAINT "EditProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditProposal" ADD CONSTRAINT "EditProposal_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditProposal" ADD CONSTRAINT "EditProposal_healthEntryId_fkey" FOREIGN KEY ("healthEntryId") REFERENCES "HealthEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
