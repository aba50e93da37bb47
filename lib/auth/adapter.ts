// The Prisma adapter with email addresses treated case-insensitively: we store
// them lower-cased, so lookups must lower-case too. Auth.js refuses an OAuth
// sign-in whose email belongs to an existing, unlinked account
// (OAuthAccountNotLinked) — we never enable dangerous email linking.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";

export function medvaultAdapter(): Adapter {
  // The adapter types target the generic Prisma client; ours is a generated subclass.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    getUserByEmail: (email) => base.getUserByEmail!(email.toLowerCase()),
    createUser: (user) => base.createUser!({ ...user, email: user.email.toLowerCase() }),
  };
}
