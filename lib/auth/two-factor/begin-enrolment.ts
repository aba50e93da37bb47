// Step 1 of turning two-factor on: a new secret, stored encrypted but not yet
// in force (totpEnabledAt stays null until confirmEnrolment sees a first code).
import "server-only";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ResolvedSession } from "../sessions/resolve-session";
import { generateTotpSecret, totpQrDataUrl, totpSecretContext } from "../totp";
import { formatManualKey } from "./schemas";

export type TEnrolmentStart = { otpauthUrl: string; qrDataUrl: string; manualKey: string };

export const ALREADY_ENABLED = "Two-factor authentication is already on for your account.";

/** Sessions that may set up two-factor: signed in, or signed in but held at mandatory enrolment. */
export function assertMayEnrol(session: Pick<ResolvedSession, "state">) {
  if (session.state !== "active" && session.state !== "enrolment_required") throw new AppError("UNAUTHENTICATED");
}

export async function beginEnrolment(options: { session: Pick<ResolvedSession, "state" | "user"> }): Promise<TEnrolmentStart> {
  const { session } = options;
  assertMayEnrol(session);
  const { base32, otpauthUrl } = generateTotpSecret({ accountName: session.user.email });
  const sealed = encryptSecret({ plaintext: base32, associatedData: totpSecretContext(session.user.id) });
  // Conditional on "not enabled": re-beginning replaces a pending secret, but
  // never the one in force (that would lock the user out of their own account).
  const { count } = await db.user.updateMany({
    where: { id: session.user.id, totpEnabledAt: null },
    data: { totpSecretEncrypted: sealed, totpLastUsedStep: null },
  });
  if (count !== 1) throw new AppError("CONFLICT", ALREADY_ENABLED);
  return { otpauthUrl, qrDataUrl: await totpQrDataUrl(otpauthUrl), manualKey: formatManualKey(base32) };
}
