// "New sign-in from a new device". A device is known when an earlier session
// of the same user (active, ended or expired, as long as its row exists) came
// from the same browser family on the same operating system AND from the same
// network: the same IPv4 /24 or IPv6 /48. Family and network rather than the
// exact user agent and address, because browsers update their version every
// few weeks and home and mobile addresses change within their provider's
// block; either alone would cry wolf, both together are a reasonable "same
// device, same place". The very first sign-in of an account is not reported:
// there is nothing to compare it with, and the user just created the account.
// It fires when the session row is made, i.e. once the password (or the OAuth
// provider) was accepted and before any second factor: a correct password from
// an unknown device is what the owner must hear about even when two-factor
// then stops the sign-in, so the text says a sign-in was started, not done.
import type { Tx } from "@/lib/db";
import type { RequestContext } from "@/lib/http/request-context";
import { notify } from "./notify";

const HISTORY = 200;

/** "Firefox on Windows", "Chrome on Android", … from a User-Agent header; "Unknown browser" when unrecognisable. */
export function userAgentFamily(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\/|FxiOS\//.test(ua)
        ? "Firefox"
        : /Chrome\/|CriOS\/|Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : ua
              ? (ua.split(/[\s/]/, 1)[0] ?? "Unknown browser").slice(0, 40)
              : "Unknown browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad|iPod/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  return os ? `${browser} on ${os}` : browser;
}

/** The network an address belongs to: IPv4 /24 ("198.51.100.x"), IPv6 /48; the address itself otherwise. */
export function networkOf(ipAddress: string | null | undefined): string {
  const ip = (ipAddress ?? "").trim().replace(/^::ffff:/i, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (ip.includes(":")) {
    const [head = ""] = ip.split("::");
    const groups = head.split(":").filter(Boolean);
    while (groups.length < 3) groups.push("0");
    return `${groups.slice(0, 3).map((group) => group.toLowerCase()).join(":")}::/48`;
  }
  return ip || "unknown network";
}

export const deviceKey = (context: { userAgent?: string | null; ipAddress?: string | null }) => `${userAgentFamily(context.userAgent)}|${networkOf(context.ipAddress)}`;

/** Call before the new session's row is written, in the same transaction. */
export async function notifyIfNewDevice(options: { tx: Tx; userId: string; context: RequestContext }): Promise<{ newDevice: boolean }> {
  const { tx, userId, context } = options;
  const earlier = await tx.session.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: HISTORY,
    select: { userAgent: true, ipAddress: true },
  });
  if (earlier.length === 0) return { newDevice: false };
  const key = deviceKey(context);
  if (earlier.some((session) => deviceKey(session) === key)) return { newDevice: false };
  await notify({
    tx,
    userId,
    type: "NEW_SIGN_IN",
    title: "Sign-in from a new device",
    body: `A sign-in to your account was started with ${userAgentFamily(context.userAgent)} from network ${networkOf(context.ipAddress)}: your password or linked account was accepted there. If this was you, there is nothing to do. If not, change your password now and sign out the other devices.`,
    link: "/account/security",
  });
  return { newDevice: true };
}
