"use server";

import { redirect } from "next/navigation";
import { verifyEmail } from "@/lib/auth/sign-up/verify-email";
import { requestContext } from "@/lib/http/request-context";
import { ZLinkTokenSchema } from "@/lib/validation/account-links";

export async function confirmEmailAction(token: string) {
  const parsed = ZLinkTokenSchema.safeParse(token);
  const confirmed = parsed.success && (await verifyEmail({ token: parsed.data, context: await requestContext() }));
  redirect(confirmed ? "/verify-email?done=1" : "/verify-email?failed=1");
}
