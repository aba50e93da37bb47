// Where a notification of one type goes for one user: in the app, by email (one
// mail each, or in the daily digest for uploads). No preference row means the
// defaults: in the app and by email, one mail each. Security events ignore the
// preferences (notification-types.ts says which and why).
import type { Tx } from "@/lib/db";
import type { NotificationType } from "@/lib/generated/prisma/client";
import { isSecurityNotification, notificationTypeInfo } from "./notification-types";

export interface NotificationChannels {
  inApp: boolean;
  email: boolean;
  /** The email waits for the daily digest instead of going out at once. */
  digest: boolean;
}

export async function resolveChannels(options: { tx: Tx; userId: string; type: NotificationType }): Promise<NotificationChannels> {
  if (isSecurityNotification(options.type)) return { inApp: true, email: true, digest: false };
  const preference = await options.tx.notificationPreference.findUnique({
    where: { userId_type: { userId: options.userId, type: options.type } },
    select: { inApp: true, email: true, dailyDigest: true },
  });
  if (!preference) return { inApp: true, email: true, digest: false };
  const digest = preference.email && preference.dailyDigest && notificationTypeInfo(options.type).digest;
  return { inApp: preference.inApp, email: preference.email, digest };
}
