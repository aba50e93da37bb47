// Wraps a JSON route handler for the browser: refuses cross-site calls (our
// session cookie must not be usable by other sites' pages), maps AppError to
// its status and user-safe message, turns anything else into a generic 500 with
// a log line of ids only, and marks every answer uncacheable (they carry SAS URLs).
import { AppError, statusOf, toPublicError } from "@/lib/errors";
import { errorLabel, logger } from "@/lib/logger";
import { readBoundedText } from "./bounded-body";
import { contextFromHeaders, type RequestContext } from "./request-context";

export interface RouteArgs<P> {
  request: Request;
  params: P;
  context: RequestContext;
}

export type RouteResult = { status?: number; body: unknown };

const NO_STORE = { "Cache-Control": "no-store" };

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** Same-origin only: Fetch Metadata where the browser sends it, else the Origin header. */
function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN");
  }
  if (!host || originHost !== host) throw new AppError("FORBIDDEN");
}

/** The request body as JSON; an empty body is `{}`, malformed JSON a VALIDATION_FAILED, an oversized one PAYLOAD_TOO_LARGE. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBoundedText(request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION_FAILED", "The request body is not valid JSON.");
  }
}

export function routeHandler<P = Record<string, never>>(
  name: string,
  handler: (args: RouteArgs<P>) => Promise<RouteResult>,
): (request: Request, segment: { params: Promise<P> }) => Promise<Response> {
  return async (request, segment) => {
    try {
      assertSameOrigin(request);
      const params = await segment.params;
      const { status = 200, body } = await handler({ request, params, context: contextFromHeaders(request.headers) });
      return json(status, body);
    } catch (error) {
      if (request.signal.aborted) {
        // The client went away mid-request (reading the body fails with ECONNRESET): nobody gets the answer, and nothing failed on our side.
        logger.info("route.client_gone", { route: name });
      } else if (!(error instanceof AppError)) {
        // No message: it may quote user input, URLs or query values.
        logger.error("route.failed", { route: name, error: errorLabel(error) });
      }
      const publicError = toPublicError(error);
      const status = statusOf(error);
      const headers = publicError.retryAfterSeconds ? { ...NO_STORE, "Retry-After": String(publicError.retryAfterSeconds) } : NO_STORE;
      return Response.json({ error: publicError }, { status, headers });
    }
  };
}
