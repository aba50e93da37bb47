// "Delete my account": the typed phrase and a fresh re-authentication, checks
// that nothing would be left dangling, then closeAccount (one transaction:
// sessions, grants, notices, the job) and the removal itself right away. If
// storage fails part-way, the queued job finishes it; the user is told so.
import "server-only";
import { requireRecentReauthentication } from "@/lib/auth/reauthenticate";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import { parseInput } from "@/lib/validation/parse-input";
import { closeAccount } from "./close-account";
import { deleteAccountData } from "./delete-account-data";
import { ZDeleteAccountSchema, type TDeleteAccount } from "./schemas";
import { deletionBlockers } from "./deletion-blockers";

export async function deleteAccount(options: {
  user: Pick<CurrentUser, "id" | "role" | "name" | "reauthenticatedAt">;
  input: TDeleteAccount;
  context: RequestContext;
  now?: Date;
}): Promise<{ outcome: "deleted" | "finishing" }> {
  const { user } = options;
  const now = options.now ?? new Date();
  parseInput(ZDeleteAccountSchema, options.input);
  requireRecentReauthentication(user, undefined, now);
  const blocker = (await deletionBlockers({ userId: user.id, role: user.role }))[0];
  if (blocker) throw new AppError("CONFLICT", blocker);

  await db.$transaction((tx) => closeAccount({ tx, user, context: options.context, now }));
  try {
    await deleteAccountData({ userId: user.id });
    return { outcome: "deleted" };
  } catch (error) {
    logger.warn("account.delete_deferred", { userId: user.id, error: errorLabel(error) });
    return { outcome: "finishing" };
  }
}
