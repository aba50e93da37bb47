// The adapter's linkAccount: stores which provider identity belongs to which
// user, and records the link in the same transaction. Provider tokens are not
// kept: MedVault calls no provider API, so access, refresh and ID tokens would
// only be secrets at rest with no use.
import "server-only";
import type { AdapterAccount } from "next-auth/adapters";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { requestContext } from "@/lib/http/request-context";

export async function linkProviderAccount(account: Pick<AdapterAccount, "userId" | "type" | "provider" | "providerAccountId">): Promise<void> {
  const context = await requestContext();
  await db.$transaction(async (tx) => {
    await tx.account.create({
      data: { userId: account.userId, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
    });
    await recordAuditEvent(
      { action: "auth.provider_linked", outcome: "ALLOWED", actorId: account.userId, ...context, details: { provider: account.provider } },
      { tx },
    );
  });
}
