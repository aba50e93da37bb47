// Shared by "resend confirmation" and "forgot password": throttled, and the
// same answer whether or not the address has an account.
import type { RequestContext } from "@/lib/http/request-context";
import { allowAccountMail } from "./mail-throttle";

export async function requestAccountMail(options: { email: string; context: RequestContext; send: () => Promise<void>; sentMessage: string }) {
  if (!(await allowAccountMail({ email: options.email, ip: options.context.ipAddress }))) {
    return { ok: false, message: "We have sent several mails already. Please wait an hour, and check your spam folder." };
  }
  await options.send();
  return { ok: true, message: options.sentMessage };
}
