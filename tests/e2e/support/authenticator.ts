// A stand-in for the user's authenticator app. The app accepts each 30-second
// code once (a code at or before the last accepted step is a replay), so a
// journey that needs a second code waits for the next step, as a person would.
import speakeasy from "speakeasy";

const PERIOD_MS = 30_000;
const stepAt = (ms: number) => Math.floor(ms / PERIOD_MS);

export class Authenticator {
  private lastStep = Number.NEGATIVE_INFINITY;

  /** `secret` as shown on the enrolment page or kept by a factory; spaces are ignored. */
  constructor(private readonly secret: string) {
    this.secret = secret.replace(/\s+/g, "").toUpperCase();
  }

  /** A code from a step no earlier code of this authenticator used (waits up to 30 s). */
  async nextCode(): Promise<string> {
    while (stepAt(Date.now()) <= this.lastStep) {
      await new Promise((resolve) => setTimeout(resolve, (this.lastStep + 1) * PERIOD_MS - Date.now() + 50));
    }
    const step = stepAt(Date.now());
    this.lastStep = step;
    return speakeasy.totp({ secret: this.secret, encoding: "base32", algorithm: "sha1", digits: 6, counter: step });
  }
}
