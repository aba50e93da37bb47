// Integration tests write and delete rows freely, so they must only ever run
// against the throwaway database that `npm test` created for this run
// (tests/setup/test-database.ts), never a developer's or production database.
import { isTestDatabaseUrl } from "./test-database";

const url = process.env.DATABASE_URL;
if (!url || !isTestDatabaseUrl(url)) {
  throw new Error(
    "Integration tests need the per-run test database. Run them with `npm test -- --only=integration`, " +
      "which creates it, migrates it and drops it afterwards.",
  );
}
