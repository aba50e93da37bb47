// A signed-in user's status and verification, read with their session row at
// the start of this request, travel with the CurrentUser so authorization does
// not read the same user again a few milliseconds later (two queries a request).
// They are kept beside the object in a WeakMap, not on it: only
// lib/auth/current-user.ts attaches them, a copy or a hand-built actor has none
// and is read from the database as before, and nothing extra reaches props.
import type { UserStatus } from "@/lib/generated/prisma/client";

export interface SessionAccessFacts {
  status: UserStatus;
  verified: boolean;
}

const factsByUser = new WeakMap<object, SessionAccessFacts>();

export function attachSessionAccessFacts<T extends object>(user: T, facts: SessionAccessFacts): T {
  factsByUser.set(user, Object.freeze({ ...facts }));
  return user;
}

export function sessionAccessFactsOf(actor: object): SessionAccessFacts | undefined {
  return factsByUser.get(actor);
}
