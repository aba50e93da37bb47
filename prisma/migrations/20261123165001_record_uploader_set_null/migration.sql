-- DropForeignKey
ALTER TABLE "Record" DROP CONSTRAINT "Record_uploadedById_fkey";

-- DropForeignKey
ALTER TABLE "RecordVersion" DROP CONSTRAINT "RecordVersion_changedById_fkey";

-- AlterTable
ALTER TABLE "Record" ALTER COLUMN "uploadedById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "RecordVersion" ALTER COLUMN "changedById" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Record" ADD CONSTRAINT "Record_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordVersion" ADD CONSTRAINT "RecordVersion_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
