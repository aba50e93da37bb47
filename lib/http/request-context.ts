// Who is asking, for audit events and rate limits. Behind a proxy the first
// X-Forwarded-For hop is the client (deployments must set it at their edge).
import { headers } from "next/headers";

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export function contextFromHeaders(source: Headers): RequestContext {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ipAddress: forwarded || source.get("x-real-ip") || null,
    userAgent: source.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The current request's context; outside a request (jobs, CLI) both are null. */
export async function requestContext(): Promise<RequestContext> {
  try {
    return contextFromHeaders(await headers());
  } catch {
    return { ipAddress: null, userAgent: null };
  }
}
