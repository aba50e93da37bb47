// GET /api/fhir/R4/Patient/:id: the signed-in patient's own Patient resource; 404 for any other id.
import { authenticate } from "@/lib/auth/current-user";
import { fhirRoute } from "@/lib/fhir/fhir-route";
import { readOwnResource } from "@/lib/fhir/read-own-resources";

export const GET = fhirRoute<{ id: string }>("fhir.patient.read", async ({ params, context }) => {
  const actor = await authenticate();
  return readOwnResource({ actor, resourceType: "Patient", id: params.id, context });
});
