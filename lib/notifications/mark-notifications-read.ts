// Marks one notification, or all of them, read. Only the user's own: someone
// else's id and a missing one both change nothing.
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse-input";
import { ZMarkNotificationsReadSchema } from "./schemas";

export async function markNotificationsRead(options: { userId: string; input: unknown; now?: Date }): Promise<{ marked: number }> {
  const input = parseInput(ZMarkNotificationsReadSchema, options.input);
  const { count } = await db.notification.updateMany({
    where: { userId: options.userId, readAt: null, ...("id" in input ? { id: input.id } : {}) },
    data: { readAt: options.now ?? new Date() },
  });
  return { marked: count };
}
