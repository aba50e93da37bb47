import { db } from "@/lib/db";
import { sendVerificationEmail } from "./send-verification-email";

/** Sends a fresh link when the address has an unconfirmed account; silent otherwise. */
export async function resendVerification(options: { email: string }) {
  const user = await db.user.findUnique({ where: { email: options.email }, select: { id: true, email: true, name: true, emailVerified: true } });
  if (user && !user.emailVerified) await sendVerificationEmail({ user });
}
