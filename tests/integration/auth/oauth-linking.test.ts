// OAuth identities and MedVault accounts: the adapter never matches by email,
// links need an active, recently confirmed session, a link stores no provider
// tokens, and two-factor still applies to a provider sign-in.
import { randomBytes } from "node:crypto";
import { medvaultAdapter } from "@/lib/auth/adapter";
import { linkProviderAccount } from "@/lib/auth/linked-accounts/link-account";
import { checkProviderLink } from "@/lib/auth/linked-accounts/link-policy";
import { reauthenticate } from "@/lib/auth/reauthenticate";
import { createSession } from "@/lib/auth/sessions/create-session";
import { resolveSession, type ResolvedSession } from "@/lib/auth/sessions/resolve-session";
import { revokeSession } from "@/lib/auth/sessions/revoke-sessions";
import { db } from "@/lib/db";
import { createSignedInSession, createUser, testContext as context } from "@/tests/factories/users";

// @auth/prisma-adapter is ESM only, which Jest's CommonJS runtime cannot require:
// the real module is loaded with a native import() and handed to lib/auth/adapter.
let mockPrismaAdapter: (...args: unknown[]) => unknown;
jest.mock("@auth/prisma-adapter", () => ({ PrismaAdapter: (...args: unknown[]) => mockPrismaAdapter(...args) }));
beforeAll(async () => {
  const moduleName = "@auth/prisma-adapter";
  mockPrismaAdapter = ((await import(moduleName)) as { PrismaAdapter: typeof mockPrismaAdapter }).PrismaAdapter;
});

const providerAccountId = () => `sub-${randomBytes(8).toString("hex")}`;

async function reauthenticated(session: ResolvedSession, password: string) {
  await reauthenticate({ session, input: { method: "password", password }, context });
  return (await resolveSession(session.sessionToken)) as ResolvedSession;
}

describe("the adapter", () => {
  it("finds users by email case-insensitively but never by account for an unknown identity", async () => {
    const { user } = await createUser();
    const adapter = medvaultAdapter();
    expect((await adapter.getUserByEmail!(user.email.toUpperCase()))?.id).toBe(user.id);
    // Auth.js asks by account first; an identity with the same email is not this user's.
    expect(await adapter.getUserByAccount!({ provider: "google", providerAccountId: providerAccountId() })).toBeNull();
  });

  it("lower-cases the email of a user created from a provider profile", async () => {
    const email = `New-${randomBytes(4).toString("hex")}@Example.TEST`;
    const created = await medvaultAdapter().createUser!({ id: crypto.randomUUID(), email, emailVerified: null, name: "New" });
    expect(created.email).toBe(email.toLowerCase());
  });
});

describe("linking a provider account", () => {
  it("stores the identity without provider tokens and records it in the audit chain", async () => {
    const { user } = await createUser();
    const id = providerAccountId();
    await linkProviderAccount({ userId: user.id, type: "oidc", provider: "google", providerAccountId: id });

    const account = await db.account.findUniqueOrThrow({ where: { provider_providerAccountId: { provider: "google", providerAccountId: id } } });
    expect(account).toMatchObject({ userId: user.id, access_token: null, refresh_token: null, id_token: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: "auth.provider_linked" } });
    expect(event).toMatchObject({ outcome: "ALLOWED", details: { provider: "google" } });
  });

  it("is allowed for an active session right after the user confirmed it is them", async () => {
    const { user, password } = await createUser();
    const session = await reauthenticated(await createSignedInSession(user.id), password!);
    expect(await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google", providerAccountId: providerAccountId() })).toEqual({
      ok: true,
      alreadyLinked: false,
    });
  });

  it("needs a recent confirmation from an account that has a password", async () => {
    const { user } = await createUser();
    const session = await createSignedInSession(user.id);
    expect(await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google" })).toEqual({
      ok: false,
      reason: "reauthentication_required",
    });
  });

  it("accepts a fresh sign-in instead of a confirmation from an account with nothing to confirm with", async () => {
    const { user } = await createUser({ password: null });
    const session = await createSignedInSession(user.id);
    const now = new Date();
    expect((await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google", now })).ok).toBe(true);
    const later = new Date(now.getTime() + 6 * 60_000);
    await db.session.update({ where: { sessionToken: session.sessionToken }, data: { lastActiveAt: later } });
    expect(await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google", now: later })).toEqual({
      ok: false,
      reason: "reauthentication_required",
    });
  });

  it("is refused for a sign-in still waiting for its second factor, a revoked session, or another user's token", async () => {
    const twoFactor = await createUser({ totp: true });
    const pending = await createSignedInSession(twoFactor.user.id);
    expect(pending.state).toBe("second_factor_required");
    expect(await checkProviderLink({ userId: twoFactor.user.id, sessionToken: pending.sessionToken, provider: "google" })).toEqual({
      ok: false,
      reason: "session_not_active",
    });

    const { user, password } = await createUser();
    const session = await reauthenticated(await createSignedInSession(user.id), password!);
    expect(await checkProviderLink({ userId: twoFactor.user.id, sessionToken: session.sessionToken, provider: "google" })).toMatchObject({ ok: false });
    await revokeSession(session.sessionToken);
    expect(await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google" })).toEqual({ ok: false, reason: "session_not_active" });
    expect(await checkProviderLink({ userId: user.id, sessionToken: null, provider: "google" })).toEqual({ ok: false, reason: "session_not_active" });
  });

  it("is refused for an identity that already belongs to another user, and is a no-op for one's own", async () => {
    const owner = await createUser();
    const id = providerAccountId();
    await linkProviderAccount({ userId: owner.user.id, type: "oidc", provider: "google", providerAccountId: id });

    const { user, password } = await createUser();
    const session = await reauthenticated(await createSignedInSession(user.id), password!);
    expect(await checkProviderLink({ userId: user.id, sessionToken: session.sessionToken, provider: "google", providerAccountId: id })).toEqual({
      ok: false,
      reason: "linked_to_other_user",
    });

    const ownSession = await createSignedInSession(owner.user.id);
    expect(await checkProviderLink({ userId: owner.user.id, sessionToken: ownSession.sessionToken, provider: "google", providerAccountId: id })).toEqual({
      ok: true,
      alreadyLinked: true,
    });
  });
});

describe("signing in with a provider", () => {
  it("still asks a user with two-factor for the second factor", async () => {
    const { user } = await createUser({ totp: true, password: null });
    await linkProviderAccount({ userId: user.id, type: "oidc", provider: "google", providerAccountId: providerAccountId() });
    // What the jwt callback does after the provider vouched for the user.
    const token = await createSession({ userId: user.id, context });
    expect((await resolveSession(token))?.state).toBe("second_factor_required");
  });
});
