-- AlterTable (edited by hand: existing documents are filled from their records before the columns become required)
ALTER TABLE "RecordSearchDocument" ADD COLUMN     "category" "RecordCategory",
ADD COLUMN     "dateOfService" DATE,
ADD COLUMN     "modality" "ImagingModality",
ADD COLUMN     "providerKey" TEXT,
ADD COLUMN     "recordCreatedAt" TIMESTAMP(3),
ADD COLUMN     "status" "RecordStatus";

UPDATE "RecordSearchDocument" d
SET "category" = r."category", "dateOfService" = r."dateOfService", "modality" = r."modality",
    "providerKey" = lower(btrim(r."sourceProvider")), "recordCreatedAt" = r."createdAt", "status" = r."status"
FROM "Record" r WHERE r."id" = d."recordId";

ALTER TABLE "RecordSearchDocument" ALTER COLUMN "recordCreatedAt" SET NOT NULL,
ALTER COLUMN "status" SET NOT NULL;
