// POST /api/fhir/import?mode=preview|import with the Bundle's JSON as the body:
// what would be added, or the import itself. The body's size is checked before
// it is read whole.
import { authenticate } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importBundle } from "@/lib/fhir/import-bundle";
import { previewImport } from "@/lib/fhir/preview-import";
import { ZImportModeSchema } from "@/lib/fhir/schemas";
import { readBoundedText } from "@/lib/http/bounded-body";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/validation/parse-input";

const tooLarge = () => new AppError("VALIDATION_FAILED", `The file is larger than ${Math.round(env().FHIR_IMPORT_MAX_BYTES / 1024 / 1024)} MB.`);

export const POST = routeHandler("fhir.import", async ({ request, context }) => {
  const actor = await authenticate({ roles: ["PATIENT"] });
  const mode = parseInput(ZImportModeSchema, new URL(request.url).searchParams.get("mode"));
  const text = await readBoundedText(request, { maxBytes: env().FHIR_IMPORT_MAX_BYTES, tooLarge });
  if (mode === "preview") return { body: { preview: await previewImport({ actor, text }) } };
  return { body: { result: await importBundle({ actor, text, context }) } };
});
