import { db } from "@/lib/db";

/** The latest mails, for the dev outbox page (only shown where devOutboxEnabled()). */
export function listDevOutbox(options: { take?: number } = {}) {
  return db.outboundEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: { id: true, to: true, subject: true, text: true, status: true, provider: true, createdAt: true },
  });
}
