// GET /api/fhir/R4/Patient: a searchset holding the signed-in patient only.
import { authenticate } from "@/lib/auth/current-user";
import { fhirRoute } from "@/lib/fhir/fhir-route";
import { searchOwnResources } from "@/lib/fhir/read-own-resources";

export const GET = fhirRoute("fhir.patient.search", async ({ request, context }) => {
  const actor = await authenticate();
  const url = new URL(request.url);
  return searchOwnResources({ actor, resourceType: "Patient", query: url.searchParams, selfUrl: url.toString(), context });
});
