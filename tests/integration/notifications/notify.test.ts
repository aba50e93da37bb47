// notify() and its channels against the real Postgres (dev outbox: no provider
// in this suite, so every queued mail is a row marked SENT at once).
import { db } from "@/lib/db";
import { listNotifications, unreadNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { notify, type NotifyInput } from "@/lib/notifications/notify";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/preferences";
import { DIGEST_TEMPLATE, sendDailyDigests } from "@/lib/notifications/send-daily-digests";
import { createUser } from "@/tests/factories/users";

afterAll(() => db.$disconnect());

const patient = async () => (await createUser({ role: "PATIENT", password: null })).user;
const send = (input: Omit<NotifyInput, "tx">) => db.$transaction((tx) => notify({ tx, ...input }));
const mailsTo = (to: string) => db.outboundEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const visible = (userId: string) => db.notification.findMany({ where: { userId, inApp: true } });

describe("notify", () => {
  it("by default: in the app and one mail that says what happened, links into the app and nothing else", async () => {
    const user = await patient();
    await send({ userId: user.id, type: "ACCESS_REQUESTED", title: "A clinician asked for access to your records", body: "Dr Who asked for access.", link: "/patient/sharing" });
    expect(await visible(user.id)).toMatchObject([{ type: "ACCESS_REQUESTED", title: "A clinician asked for access to your records", readAt: null }]);
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "notification-access-requested", subject: "A clinician asked for access to your records" });
    expect(mails[0]!.text).toContain("http://localhost:3000/patient/sharing");
    expect(mails[0]!.html).toContain('<meta name="viewport"');
    expect(mails[0]!.html).toContain('href="http://localhost:3000/patient/sharing"');
  });

  it("commits with the change or not at all", async () => {
    const user = await patient();
    await expect(
      db.$transaction(async (tx) => {
        await notify({ tx, userId: user.id, type: "GRANT_CREATED", title: "A patient shared records with you" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await mailsTo(user.email)).toHaveLength(0);
  });

  it("respects the preferences: in-app off hides it, email off sends no mail", async () => {
    const user = await patient();
    await updateNotificationPreferences({
      userId: user.id,
      input: {
        preferences: [
          { type: "ACCESS_REQUESTED", inApp: false, email: true, dailyDigest: false },
          { type: "GRANT_EXPIRING", inApp: true, email: false, dailyDigest: false },
          { type: "GRANT_EXPIRED", inApp: false, email: false, dailyDigest: false },
        ],
      },
    });
    await send({ userId: user.id, type: "ACCESS_REQUESTED", title: "Requested" });
    await send({ userId: user.id, type: "GRANT_EXPIRING", title: "Ends soon" });
    await send({ userId: user.id, type: "GRANT_EXPIRED", title: "Ended" });
    expect((await visible(user.id)).map((n) => n.type)).toEqual(["GRANT_EXPIRING"]);
    expect((await mailsTo(user.email)).map((m) => m.template)).toEqual(["notification-access-requested"]);
    expect((await unreadNotifications({ userId: user.id })).count).toBe(1);
  });

  it("security events ignore an opt-out, even one written straight to the table", async () => {
    const user = await patient();
    await db.notificationPreference.createMany({
      data: (["NEW_SIGN_IN", "EMERGENCY_ACCESS", "ACCOUNT_SUSPENDED"] as const).map((type) => ({ userId: user.id, type, inApp: false, email: false })),
    });
    await send({ userId: user.id, type: "NEW_SIGN_IN", title: "New sign-in to your account", body: "Firefox on Linux", link: "/account/security" });
    await send({ userId: user.id, type: "EMERGENCY_ACCESS", title: "Emergency access to your records" });
    await send({ userId: user.id, type: "ACCOUNT_SUSPENDED", title: "Your account was suspended" });
    expect((await visible(user.id)).map((n) => n.type).sort()).toEqual(["ACCOUNT_SUSPENDED", "EMERGENCY_ACCESS", "NEW_SIGN_IN"]);
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(3);
    expect(mails.find((m) => m.template === "notification-new-sign-in")?.text).toContain("always sent");
    // The page shows them as always on, and saving cannot turn them off.
    await updateNotificationPreferences({ userId: user.id, input: { preferences: [{ type: "NEW_SIGN_IN", inApp: false, email: false, dailyDigest: false }] } });
    const prefs = await getNotificationPreferences({ userId: user.id });
    expect(prefs.find((p) => p.type === "NEW_SIGN_IN")).toMatchObject({ security: true, inApp: true, email: true });
  });

  it("notifies once per dedupe key, without breaking the caller's transaction", async () => {
    const user = await patient();
    const key = `test-key-${user.id}`;
    await db.$transaction(async (tx) => {
      await notify({ tx, userId: user.id, type: "GRANT_EXPIRED", title: "Ended", dedupeKey: key });
      await notify({ tx, userId: user.id, type: "GRANT_EXPIRED", title: "Ended", dedupeKey: key });
    });
    await send({ userId: user.id, type: "GRANT_EXPIRED", title: "Ended", dedupeKey: key });
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(1);
  });

  it("uploads with the daily digest: no mail each, one digest mail listing them, sent once", async () => {
    const user = await patient();
    await updateNotificationPreferences({ userId: user.id, input: { preferences: [{ type: "RECORD_UPLOADED", inApp: true, email: true, dailyDigest: true }] } });
    for (const n of [1, 2, 3]) await send({ userId: user.id, type: "RECORD_UPLOADED", title: `A new record was added to your vault (${n})`, link: "/patient" });
    expect(await visible(user.id)).toHaveLength(3);
    expect(await mailsTo(user.email)).toHaveLength(0);

    await Promise.all([sendDailyDigests(), sendDailyDigests()]);
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: DIGEST_TEMPLATE, subject: "3 new records in your MedVault" });
    expect(mails[0]!.text).toContain("(2)");
    await sendDailyDigests();
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: user.id, digestPending: true } })).toBe(0);
  });
});

describe("reading notifications", () => {
  it("the bell's summary counts every unread in-app notice and lists the newest few", async () => {
    const [user, other] = [await patient(), await patient()];
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
    await db.notification.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, index) => ({ userId: user.id, type: "GRANT_CHANGED" as const, title: `unread ${index}`, createdAt: at(index) })),
        { userId: user.id, type: "GRANT_CHANGED", title: "read", readAt: at(30), createdAt: at(30) },
        { userId: user.id, type: "RECORD_UPLOADED", title: "digest only", inApp: false, createdAt: at(31) },
        { userId: other.id, type: "GRANT_CHANGED", title: "someone else's", createdAt: at(32) },
      ],
    });
    const summary = await unreadNotifications({ userId: user.id, take: 5 });
    expect(summary.count).toBe(7);
    expect(summary.latest.map((item) => item.title)).toEqual(["unread 6", "unread 5", "unread 4", "unread 3", "unread 2"]);
    expect(summary.latest[0]).toEqual({ id: expect.any(String), type: "GRANT_CHANGED", title: "unread 6", body: null, link: null, readAt: null, createdAt: at(6) });
    expect(await unreadNotifications({ userId: (await patient()).id })).toEqual({ count: 0, latest: [] });
  });

  it("marks one or all read, only the user's own", async () => {
    const [alice, bob] = [await patient(), await patient()];
    for (const title of ["one", "two"]) await send({ userId: alice.id, type: "GRANT_CHANGED", title });
    await send({ userId: bob.id, type: "GRANT_CHANGED", title: "bob's" });
    const [latest] = await listNotifications({ userId: alice.id });
    const bobs = (await listNotifications({ userId: bob.id }))[0]!;

    expect(await markNotificationsRead({ userId: alice.id, input: { id: bobs.id } })).toEqual({ marked: 0 });
    expect(await markNotificationsRead({ userId: alice.id, input: { id: latest!.id } })).toEqual({ marked: 1 });
    expect((await unreadNotifications({ userId: alice.id })).count).toBe(1);
    expect(await markNotificationsRead({ userId: alice.id, input: { all: true } })).toEqual({ marked: 1 });
    expect((await unreadNotifications({ userId: alice.id })).count).toBe(0);
    expect((await unreadNotifications({ userId: bob.id })).count).toBe(1);
    await expect(markNotificationsRead({ userId: alice.id, input: { id: "" } })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("notification mails", () => {
  it("carry the title and a link, not the body that names people (security notices excepted)", async () => {
    const user = await patient();
    await send({ userId: user.id, type: "GRANT_CREATED", title: "A patient shared records with you", body: "Ada Lovelace shared records with you.", link: "/clinician" });
    await send({ userId: user.id, type: "NEW_SIGN_IN", title: "New sign-in to your account", body: "Firefox on Linux from network 198.51.100.x", link: "/account/security" });
    const [shared, signIn] = await mailsTo(user.email);
    expect(shared!.text).not.toContain("Ada Lovelace");
    expect(shared!.html).not.toContain("Ada Lovelace");
    expect(shared!.text).toContain("http://localhost:3000/clinician");
    expect(signIn!.text).toContain("Firefox on Linux from network 198.51.100.x");
  });
});
