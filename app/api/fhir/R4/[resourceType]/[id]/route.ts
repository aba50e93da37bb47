// GET /api/fhir/R4/:resourceType/:id: one of the signed-in patient's own resources; 404 otherwise.
import { authenticate } from "@/lib/auth/current-user";
import { fhirRoute } from "@/lib/fhir/fhir-route";
import { readOwnResource } from "@/lib/fhir/read-own-resources";

export const GET = fhirRoute<{ resourceType: string; id: string }>("fhir.read", async ({ params, context }) => {
  const actor = await authenticate();
  return readOwnResource({ actor, resourceType: params.resourceType, id: params.id, context });
});
