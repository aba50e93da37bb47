-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "digestPending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inApp" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_digestPending_userId_idx" ON "Notification"("digestPending", "userId");
