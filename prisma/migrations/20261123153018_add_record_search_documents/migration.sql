-- Written by hand: trigram matching (typo tolerance) for search, needed by the
-- lexicon index below. pg_trgm is a trusted extension (no superuser needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "RecordSearchDocument" (
    "recordId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "labels" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "lexicon" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "recordVersion" INTEGER NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordSearchDocument_pkey" PRIMARY KEY ("recordId")
);

-- CreateIndex
CREATE INDEX "RecordSearchDocument_document_idx" ON "RecordSearchDocument" USING GIN ("document");

-- CreateIndex
CREATE INDEX "RecordSearchDocument_lexicon_idx" ON "RecordSearchDocument" USING GIN ("lexicon" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "RecordSearchDocument" ADD CONSTRAINT "RecordSearchDocument_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "Record"("id") ON DELETE CASCADE ON UPDATE CASCADE;
