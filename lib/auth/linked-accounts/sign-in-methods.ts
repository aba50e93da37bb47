// What a user can sign in with: the rule behind "you cannot unlink your last way in".
import type { Db, Tx } from "@/lib/db";

export interface TSignInMethods {
  hasPassword: boolean;
  /** Providers linked to the account, in link order. */
  linked: { provider: string; linkedAt: Date }[];
}

export async function signInMethods(client: Db | Tx, userId: string): Promise<TSignInMethods> {
  const [user, accounts] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }),
    client.account.findMany({ where: { userId }, select: { provider: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return { hasPassword: Boolean(user.passwordHash), linked: accounts.map((a) => ({ provider: a.provider, linkedAt: a.createdAt })) };
}

/**
 * Whether removing `provider` still leaves a way to sign in: a password, or
 * another linked provider that is switched on in this deployment (one whose
 * keys were removed cannot be used to sign in).
 */
export function canRemoveProvider(methods: TSignInMethods, provider: string, configuredProviders: readonly string[]): boolean {
  return methods.hasPassword || methods.linked.some((link) => link.provider !== provider && configuredProviders.includes(link.provider));
}
