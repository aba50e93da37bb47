"use server";

import { toActionResult, type TActionResult } from "@/lib/auth/two-factor/action-result";
import { authenticate } from "@/lib/auth/current-user";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";

/** Saves the preferences form (validated again by the use case). */
export async function saveNotificationPreferencesAction(input: unknown): Promise<TActionResult<{ saved: number }>> {
  return toActionResult("notifications.save_preferences_failed", async () => {
    const user = await authenticate();
    return updateNotificationPreferences({ userId: user.id, input });
  });
}
