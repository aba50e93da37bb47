// The search contract against the embedded default: Postgres full-text search
// in the per-run database, for real.
import { db } from "@/lib/db";
import { PostgresSearchEngine } from "@/lib/search/postgres/postgres-engine";
import { describeSearchContract } from "./contract";

afterAll(() => db.$disconnect());

describeSearchContract("postgres", async () => ({ engine: new PostgresSearchEngine() }));
