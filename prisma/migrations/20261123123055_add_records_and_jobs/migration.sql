-- CreateEnum
CREATE TYPE "UploadSlotStatus" AS ENUM ('PENDING', 'FINALIZED', 'REJECTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('READY', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "RecordCategory" AS ENUM ('IMAGING', 'LAB_RESULT', 'PRESCRIPTION', 'CLINICAL_NOTE', 'DISCHARGE_SUMMARY', 'REFERRAL', 'IMMUNIZATION', 'INSURANCE_BILLING', 'OTHER');

-- CreateEnum
CREATE TYPE "ImagingModality" AS ENUM ('XRAY', 'CT', 'MRI', 'ULTRASOUND', 'MAMMOGRAPHY', 'NUCLEAR', 'OTHER');

-- CreateTable
CREATE TABLE "UploadSlot" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "blobName" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "declaredType" TEXT NOT NULL,
    "declaredSize" BIGINT NOT NULL,
    "status" "UploadSlotStatus" NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "recordId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finalizedAt" TIMESTAMP(3),

    CONSTRAINT "UploadSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Record" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "blobName" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'READY',
    "category" "RecordCategory",
    "dateOfService" DATE,
    "modality" "ImagingModality",
    "bodyPart" TEXT,
    "sourceProvider" TEXT,
    "keywords" TEXT[],
    "tags" TEXT[],
    "correctedFields" TEXT[],
    "categorization" JSONB,
    "categorizedAt" TIMESTAMP(3),
    "extractedText" TEXT,
    "thumbnailBlobName" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordVersion" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changedById" TEXT NOT NULL,
    "previous" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "lockedAt" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "completedAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UploadSlot_blobName_key" ON "UploadSlot"("blobName");

-- CreateIndex
CREATE UNIQUE INDEX "UploadSlot_recordId_key" ON "UploadSlot"("recordId");

-- CreateIndex
CREATE INDEX "UploadSlot_status_expiresAt_idx" ON "UploadSlot"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "UploadSlot_ownerId_createdAt_idx" ON "UploadSlot"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Record_blobName_key" ON "Record"("blobName");

-- CreateIndex
CREATE INDEX "Record_ownerId_status_dateOfService_idx" ON "Record"("ownerId", "status", "dateOfService");

-- CreateIndex
CREATE INDEX "Record_ownerId_status_createdAt_idx" ON "Record"("ownerId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecordVersion_recordId_version_key" ON "RecordVersion"("recordId", "version");

-- CreateIndex
CREATE INDEX "Job_completedAt_failedAt_runAt_idx" ON "Job"("completedAt", "failedAt", "runAt");

-- CreateIndex
CREATE INDEX "Job_type_createdAt_idx" ON "Job"("type", "createdAt");

-- AddForeignKey
ALTER TABLE "Record" ADD CONSTRAINT "Record_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Record" ADD CONSTRAINT "Record_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordVersion" ADD CONSTRAINT "RecordVersion_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordVersion" ADD CONSTRAINT "RecordVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
