// Shared by the preferences form, its server action and the use cases.
import { z } from "zod";
import { ZEntityIdSchema } from "@/lib/validation/ids";
import { NotificationType } from "@/lib/generated/prisma/enums";

export const ZNotificationIdSchema = ZEntityIdSchema;

export const ZMarkNotificationsReadSchema = z.union([z.object({ all: z.literal(true) }), z.object({ id: ZNotificationIdSchema })]);
export type TMarkNotificationsRead = z.infer<typeof ZMarkNotificationsReadSchema>;

export const ZNotificationPreferenceSchema = z.object({
  type: z.enum(NotificationType),
  inApp: z.boolean(),
  email: z.boolean(),
  dailyDigest: z.boolean(),
});

export const ZNotificationPreferencesSchema = z.object({
  preferences: z.array(ZNotificationPreferenceSchema).max(Object.keys(NotificationType).length),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferencesSchema>;
