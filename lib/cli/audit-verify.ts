// `npm run audit:verify`: walks the audit hash chain and exits 1 when any event
// was changed, inserted or removed behind the application's back.
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";

async function main() {
  const status = await verifyAuditChain();
  if (status.ok) {
    console.log(`Audit chain intact: ${status.events} event(s) verified.`);
  } else {
    console.error(`Audit chain BROKEN at event ${status.brokenAtId} (${status.problem.replace("_", " ")}); ${status.events} event(s) read.`);
    process.exitCode = 1;
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(`Audit verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
