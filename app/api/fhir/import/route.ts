// POST /api/fhir/import?mode=preview|import with the Bundle's JSON as the body:
// what would be added, or the import itself. The body's size is checked before
// it is read whole.
import { authenticate } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importBundle } from "@/lib/fhir/import-bundle";
import { previewImport } from "@/lib/fhir/preview-import";
import { ZImportModeSchema } from "@/lib/fhir/schemas";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/validation/parse-input";

const tooLarge = () => new AppError("VALIDATION_FAILED", `The file is larger than ${Math.round(env().FHIR_IMPORT_MAX_BYTES / 1024 / 1024)} MB.`);

async function readLimitedText(request: Request): Promise<string> {
  const limit = env().FHIR_IMPORT_MAX_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export const POST = routeHandler("fhir.import", async ({ request, context }) => {
  const actor = await authenticate({ roles: ["PATIENT"] });
  const mode = parseInput(ZImportModeSchema, new URL(request.url).searchParams.get("mode"));
  const text = await readLimitedText(request);
  if (mode === "preview") return { body: { preview: await previewImport({ actor, text }) } };
  return { body: { result: await importBundle({ actor, text, context }) } };
});
