"use server";

import { revalidatePath } from "next/cache";
import { authenticate } from "@/lib/auth/current-user";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

/** The list's "Mark read" and "Mark all read" buttons (plain forms: they work without JavaScript). */
export async function markReadAction(formData: FormData): Promise<void> {
  const user = await authenticate();
  const id = formData.get("id");
  await markNotificationsRead({ userId: user.id, input: typeof id === "string" && id ? { id } : { all: true } });
  revalidatePath("/notifications");
}
