// A record row as queries return it by default: lib/db omits the extracted text
// (search reads it with an explicit select), so functions taking "a record"
// take this, not the generated model type.
import type { Record } from "@/lib/generated/prisma/client";

export type StoredRecord = Omit<Record, "extractedText">;
