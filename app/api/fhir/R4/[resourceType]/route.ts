// GET /api/fhir/R4/:resourceType?patient=…: a searchset of the signed-in patient's own resources.
import { authenticate } from "@/lib/auth/current-user";
import { fhirRoute } from "@/lib/fhir/fhir-route";
import { searchOwnResources } from "@/lib/fhir/read-own-resources";

export const GET = fhirRoute<{ resourceType: string }>("fhir.search", async ({ request, params, context }) => {
  const actor = await authenticate();
  const url = new URL(request.url);
  return searchOwnResources({ actor, resourceType: params.resourceType, query: url.searchParams, selfUrl: url.toString(), context });
});
