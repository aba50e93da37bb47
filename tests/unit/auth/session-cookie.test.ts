import { sessionCookieName, sessionTokenFromCookies } from "@/lib/auth/sessions/session-cookie";

const secret = "unit-test-secret-unit-test-secret-0123456789";
const httpApp = "http://localhost:3000";

async function cookieFor(options: { sid: unknown; name?: string; secret?: string; maxAge?: number }) {
  const name = options.name ?? "authjs.session-token";
  const { encode } = await import("next-auth/jwt");
  const value = await encode({ token: { sub: "user-1", sid: options.sid } as never, secret: options.secret ?? secret, salt: name, maxAge: options.maxAge ?? 3600 });
  return { name, value };
}

describe("sessionTokenFromCookies", () => {
  it("reads the session row's token from the cookie Auth.js wrote", async () => {
    const cookie = await cookieFor({ sid: "row-token-1" });
    expect(await sessionTokenFromCookies({ cookies: [{ name: "other", value: "x" }, cookie], appUrl: httpApp, secret })).toBe("row-token-1");
  });

  it("uses the __Secure- name when the app is served over https, and only that name", async () => {
    expect(sessionCookieName("https://vault.example")).toBe("__Secure-authjs.session-token");
    const secure = await cookieFor({ sid: "row-token-2", name: "__Secure-authjs.session-token" });
    expect(await sessionTokenFromCookies({ cookies: [secure], appUrl: "https://vault.example", secret })).toBe("row-token-2");
    const plain = await cookieFor({ sid: "row-token-3" });
    expect(await sessionTokenFromCookies({ cookies: [plain], appUrl: "https://vault.example", secret })).toBeUndefined();
  });

  it("joins a cookie Auth.js split into chunks, in numeric order", async () => {
    const { value } = await cookieFor({ sid: "row-token-4" });
    const third = Math.ceil(value.length / 3);
    const parts = [value.slice(0, third), value.slice(third, 2 * third), value.slice(2 * third)];
    const cookies = [2, 0, 1].map((index) => ({ name: `authjs.session-token.${index}`, value: parts[index]! }));
    expect(await sessionTokenFromCookies({ cookies, appUrl: httpApp, secret })).toBe("row-token-4");
  });

  it("gives nothing for no cookie, another secret, a tampered value, an expired token or a token without a session", async () => {
    expect(await sessionTokenFromCookies({ cookies: [], appUrl: httpApp, secret })).toBeUndefined();
    const foreign = await cookieFor({ sid: "row-token-5", secret: "another-secret-another-secret-0123456789" });
    expect(await sessionTokenFromCookies({ cookies: [foreign], appUrl: httpApp, secret })).toBeUndefined();
    const good = await cookieFor({ sid: "row-token-6" });
    const tampered = { ...good, value: `${good.value.slice(0, -4)}AAAA` };
    expect(await sessionTokenFromCookies({ cookies: [tampered], appUrl: httpApp, secret })).toBeUndefined();
    const expired = await cookieFor({ sid: "row-token-7", maxAge: -60 });
    expect(await sessionTokenFromCookies({ cookies: [expired], appUrl: httpApp, secret })).toBeUndefined();
    const noSession = await cookieFor({ sid: 42 });
    expect(await sessionTokenFromCookies({ cookies: [noSession], appUrl: httpApp, secret })).toBeUndefined();
  });

  describe("a cookie already decrypted once (kept until its own expiry)", () => {
    afterEach(() => jest.useRealTimers());

    it("is still refused under another secret or another cookie name", async () => {
      const cookie = await cookieFor({ sid: "row-token-8" });
      expect(await sessionTokenFromCookies({ cookies: [cookie], appUrl: httpApp, secret })).toBe("row-token-8");
      expect(await sessionTokenFromCookies({ cookies: [cookie], appUrl: httpApp, secret: "rotated-secret-rotated-secret-0123456789" })).toBeUndefined();
      expect(await sessionTokenFromCookies({ cookies: [{ name: "__Secure-authjs.session-token", value: cookie.value }], appUrl: "https://vault.example", secret })).toBeUndefined();
    });

    it("is refused once the cookie's expiry has passed", async () => {
      const cookie = await cookieFor({ sid: "row-token-9", maxAge: 60 });
      expect(await sessionTokenFromCookies({ cookies: [cookie], appUrl: httpApp, secret })).toBe("row-token-9");
      // Only the clock moves: timers, ticks and microtasks stay real for WebCrypto's promises.
      jest.useFakeTimers({ now: Date.now() + 5 * 60_000, doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "hrtime", "performance"] });
      expect(await sessionTokenFromCookies({ cookies: [cookie], appUrl: httpApp, secret })).toBeUndefined();
    });
  });
});
