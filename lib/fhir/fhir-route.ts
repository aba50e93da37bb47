// Route handlers of the read-only FHIR API: application/fhir+json answers, an
// OperationOutcome for every error (401 signed out, 403 not a patient, 404 for
// anything not the caller's own, which looks exactly like nothing at all), and
// never cached. Cross-site requests are refused like on the rest of the API.
import { AppError, statusOf, toPublicError } from "@/lib/errors";
import { contextFromHeaders, type RequestContext } from "@/lib/http/request-context";
import { errorLabel, logger } from "@/lib/logger";
import type { FhirResource, OperationOutcome, OperationOutcomeIssue } from "./r4";

export const FHIR_CONTENT_TYPE = "application/fhir+json; charset=utf-8";

const ISSUE_CODE: Record<number, OperationOutcomeIssue["code"]> = { 400: "invalid", 401: "login", 403: "forbidden", 404: "not-found", 429: "throttled", 503: "transient" };

export function operationOutcome(status: number, message: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code: ISSUE_CODE[status] ?? "exception", diagnostics: message }] };
}

function fhirJson(status: number, body: FhirResource): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": FHIR_CONTENT_TYPE, "Cache-Control": "no-store" } });
}

export function fhirRoute<P>(
  name: string,
  handler: (args: { request: Request; params: P; context: RequestContext }) => Promise<FhirResource>,
): (request: Request, segment: { params: Promise<P> }) => Promise<Response> {
  return async (request, segment) => {
    try {
      const site = request.headers.get("sec-fetch-site");
      if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN");
      const body = await handler({ request, params: await segment.params, context: contextFromHeaders(request.headers) });
      return fhirJson(200, body);
    } catch (error) {
      if (!(error instanceof AppError)) logger.error("route.failed", { route: name, error: errorLabel(error) });
      const status = statusOf(error);
      return fhirJson(status, operationOutcome(status, toPublicError(error).message));
    }
  };
}
