// A user's notification preferences, one entry per type with the defaults
// filled in. Security types are shown as always on and cannot be changed: a
// saved row for them is ignored by notify() anyway, so none is written.
import { db } from "@/lib/db";
import type { NotificationType } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation/parse-input";
import { NOTIFICATION_TYPES } from "./notification-types";
import { ZNotificationPreferencesSchema } from "./schemas";

export interface NotificationPreferenceView {
  type: NotificationType;
  label: string;
  description: string;
  security: boolean;
  digestAvailable: boolean;
  inApp: boolean;
  email: boolean;
  dailyDigest: boolean;
}

export async function getNotificationPreferences(options: { userId: string }): Promise<NotificationPreferenceView[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId: options.userId } });
  const byType = new Map(rows.map((row) => [row.type, row]));
  return NOTIFICATION_TYPES.map((info) => {
    const row = info.security ? undefined : byType.get(info.type);
    return {
      type: info.type,
      label: info.label,
      description: info.description,
      security: info.security,
      digestAvailable: info.digest,
      inApp: row?.inApp ?? true,
      email: row?.email ?? true,
      dailyDigest: info.digest ? (row?.dailyDigest ?? false) : false,
    };
  });
}

export async function updateNotificationPreferences(options: { userId: string; input: unknown }): Promise<{ saved: number }> {
  const { preferences } = parseInput(ZNotificationPreferencesSchema, options.input);
  const editable = new Map(NOTIFICATION_TYPES.filter((info) => !info.security).map((info) => [info.type, info]));
  const rows = preferences.filter((entry) => editable.has(entry.type));
  await db.$transaction(
    rows.map((entry) => {
      const data = { inApp: entry.inApp, email: entry.email, dailyDigest: editable.get(entry.type)!.digest && entry.dailyDigest };
      return db.notificationPreference.upsert({
        where: { userId_type: { userId: options.userId, type: entry.type } },
        create: { userId: options.userId, type: entry.type, ...data },
        update: data,
      });
    }),
  );
  return { saved: rows.length };
}
