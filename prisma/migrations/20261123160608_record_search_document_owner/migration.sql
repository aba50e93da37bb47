-- AlterTable (edited by hand: existing documents get their record's owner before the column becomes required)
ALTER TABLE "RecordSearchDocument" ADD COLUMN     "ownerId" TEXT;
UPDATE "RecordSearchDocument" d SET "ownerId" = r."ownerId" FROM "Record" r WHERE r."id" = d."recordId";
ALTER TABLE "RecordSearchDocument" ALTER COLUMN "ownerId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "RecordSearchDocument_ownerId_idx" ON "RecordSearchDocument"("ownerId");
