import { refuseThrottledSignIn } from "@/lib/auth/sign-in/refuse-throttled-sign-in";
import { recordSignInFailure } from "@/lib/auth/sign-in/throttle";
import { createUser } from "@/tests/factories/users";

const post = (email: string, ip: string, path = "/api/auth/callback/password") =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password: "whatever it is", csrfToken: "x" }),
  });

describe("429 for throttled password sign-ins", () => {
  it("lets requests through until the limit, then answers 429 with Retry-After", async () => {
    const { user } = await createUser();
    const ip = "192.0.2.91";
    expect(await refuseThrottledSignIn(post(user.email, ip))).toBeNull();
    for (let i = 0; i < 5; i++) await recordSignInFailure({ email: user.email, ip });

    const refused = await refuseThrottledSignIn(post(user.email.toUpperCase(), ip));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused!.json()).error.code).toBe("RATE_LIMITED");

    // Another address is not affected, and other Auth.js endpoints are never intercepted.
    expect(await refuseThrottledSignIn(post(user.email, "192.0.2.92"))).toBeNull();
    expect(await refuseThrottledSignIn(post(user.email, ip, "/api/auth/signout"))).toBeNull();
  });
});
