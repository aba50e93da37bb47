// Unlinking a sign-in provider: never the last way into an account.
import { linkedProvidersOverview } from "@/lib/auth/linked-accounts/linked-providers-overview";
import { LAST_METHOD_MESSAGE, unlinkProvider } from "@/lib/auth/linked-accounts/unlink-provider";
import type { OAuthProviderInfo } from "@/lib/auth/providers";
import { revokeSession } from "@/lib/auth/sessions/revoke-sessions";
import { db } from "@/lib/db";
import { createSignedInSession, createUser, testContext as context } from "@/tests/factories/users";
import { randomBytes } from "node:crypto";

const ALL: readonly OAuthProviderInfo[] = [
  { id: "google", name: "Google" },
  { id: "facebook", name: "Facebook" },
  { id: "apple", name: "Apple" },
];
const configuredProviders = ALL.map((p) => p.id);

async function link(userId: string, provider: string) {
  await db.account.create({ data: { userId, type: "oidc", provider, providerAccountId: `${provider}-${randomBytes(8).toString("hex")}` } });
}

async function signedIn(options: { password?: null; providers: string[] }) {
  const { user } = await createUser(options.password === null ? { password: null } : {});
  for (const provider of options.providers) await link(user.id, provider);
  return createSignedInSession(user.id);
}

describe("unlinking a provider", () => {
  it("removes the link of a user who keeps a password, with an audit event", async () => {
    const session = await signedIn({ providers: ["google"] });
    await unlinkProvider({ session, provider: "google", configuredProviders, context });

    expect(await db.account.count({ where: { userId: session.user.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: session.user.id, action: "auth.provider_unlinked" } });
    expect(event).toMatchObject({ outcome: "ALLOWED", details: { provider: "google" }, ipAddress: context.ipAddress });
  });

  it("refuses to remove the only way to sign in of an account without a password", async () => {
    const session = await signedIn({ password: null, providers: ["google"] });
    await expect(unlinkProvider({ session, provider: "google", configuredProviders, context })).rejects.toMatchObject({
      code: "CONFLICT",
      message: LAST_METHOD_MESSAGE,
    });
    expect(await db.account.count({ where: { userId: session.user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: session.user.id, action: "auth.provider_unlinked", outcome: "DENIED" } })).toBe(1);
  });

  it("lets an account without a password drop one of two providers, but not the second", async () => {
    const session = await signedIn({ password: null, providers: ["google", "apple"] });
    await unlinkProvider({ session, provider: "apple", configuredProviders, context });
    await expect(unlinkProvider({ session, provider: "google", configuredProviders, context })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.account.findMany({ where: { userId: session.user.id } })).map((a) => a.provider)).toEqual(["google"]);
  });

  it("does not count a provider this deployment has switched off as a way to sign in", async () => {
    const session = await signedIn({ password: null, providers: ["google", "facebook"] });
    await expect(unlinkProvider({ session, provider: "google", configuredProviders: ["google"], context })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses two concurrent unlinks that would together remove every way in", async () => {
    const session = await signedIn({ password: null, providers: ["google", "apple"] });
    const results = await Promise.allSettled([
      unlinkProvider({ session, provider: "google", configuredProviders, context }),
      unlinkProvider({ session, provider: "apple", configuredProviders, context }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.account.count({ where: { userId: session.user.id } })).toBe(1);
  });

  it("answers NOT_FOUND for a provider that is not linked, and needs an active session", async () => {
    const session = await signedIn({ providers: [] });
    await expect(unlinkProvider({ session, provider: "google", configuredProviders, context })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const other = await signedIn({ providers: ["google"] });
    await revokeSession(other.sessionToken);
    await expect(
      unlinkProvider({ session: { ...other, state: "second_factor_required" }, provider: "google", configuredProviders, context }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.account.count({ where: { userId: other.user.id } })).toBe(1);
  });

  it("shows which providers are linked and which may be unlinked", async () => {
    const oauthOnly = await signedIn({ password: null, providers: ["google"] });
    const overview = await linkedProvidersOverview({ userId: oauthOnly.user.id, providers: ALL });
    expect(overview.hasPassword).toBe(false);
    expect(overview.providers.map((p) => [p.id, Boolean(p.linkedAt), p.canUnlink])).toEqual([
      ["google", true, false],
      ["facebook", false, false],
      ["apple", false, false],
    ]);

    const withPassword = await signedIn({ providers: ["google"] });
    const second = await linkedProvidersOverview({ userId: withPassword.user.id, providers: ALL });
    expect(second.providers[0]).toMatchObject({ id: "google", canUnlink: true });
  });
});
