// An uploaded Bundle, from its text to the resources MedVault can read: size
// limit first (before parsing), JSON, the outer shape (zod), then the R4
// structure of every resource we import. Resources of other types and elements
// we do not read are allowed (another provider's Bundle carries plenty); a
// broken resource of a type we do read is reported, not guessed at.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { IMPORTED_RESOURCE_TYPES } from "./fhir-to-health-entry";
import { ZImportBundleSchema } from "./schemas";
import { validateResource } from "./validate";

export interface ImportCandidate {
  index: number;
  resourceType: string;
  resource: Record<string, unknown>;
  /** Structure problems, as "path: message". */
  problems: string[];
}

export function readImportBundle(options: { text: string }): { bundleType: string; candidates: ImportCandidate[]; otherTypes: Record<string, number> } {
  const maxBytes = env().FHIR_IMPORT_MAX_BYTES;
  if (Buffer.byteLength(options.text, "utf8") > maxBytes) {
    throw new AppError("VALIDATION_FAILED", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Export a smaller part of your record and import that.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(options.text);
  } catch {
    throw new AppError("VALIDATION_FAILED", "This file is not valid JSON. Choose the .json file of a FHIR Bundle.");
  }
  const bundle = parseInput(ZImportBundleSchema, json);
  const candidates: ImportCandidate[] = [];
  const otherTypes: Record<string, number> = {};
  (bundle.entry ?? []).forEach((entry, index) => {
    const resource = entry.resource;
    const type = typeof resource?.resourceType === "string" ? resource.resourceType : "unknown";
    if (!resource || !(IMPORTED_RESOURCE_TYPES as readonly string[]).includes(type)) {
      otherTypes[type] = (otherTypes[type] ?? 0) + 1;
      return;
    }
    const result = validateResource(resource, { allowUnknownElements: true });
    // References point into the sender's Bundle or server: not ours to resolve.
    candidates.push({ index, resourceType: type, resource, problems: result.issues.map((i) => `${i.path}: ${i.message}`) });
  });
  return { bundleType: bundle.type, candidates, otherTypes };
}
