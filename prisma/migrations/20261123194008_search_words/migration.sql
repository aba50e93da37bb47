-- CreateTable
CREATE TABLE "SearchWord" (
    "ownerId" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("ownerId","word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: the words of the documents indexed before this migration.
INSERT INTO "SearchWord" ("ownerId", "word")
SELECT DISTINCT d."ownerId", w
FROM "RecordSearchDocument" d, regexp_split_to_table(btrim(d."lexicon"), ' ') AS w
WHERE w <> ''
ON CONFLICT DO NOTHING;
