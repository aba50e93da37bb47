// The read-only FHIR API over the signed-in patient's own data: search by type
// (optionally patient/subject = self, _id, category), in pages of `_count`
// with next/previous links, and read by id. Answers come from the same
// validated Bundle the export uses, so the API and the export never disagree.
// Every read is audited.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/http/request-context";
import { parseInput } from "@/lib/validation/parse-input";
import { buildPatientBundle } from "./build-patient-bundle";
import type { Bundle, BundleLink, BundleResource } from "./r4";
import { ZFhirPageSchema } from "./schemas";

export const READABLE_TYPES = ["Patient", "Condition", "MedicationStatement", "AllergyIntolerance", "Observation", "Immunization", "DocumentReference", "ImagingStudy"] as const;

function requirePatient(actor: { id: string; role: Role }) {
  if (actor.role !== "PATIENT" || !actor.id) throw new AppError("FORBIDDEN", "The FHIR API serves a patient's own data.");
}

function requireReadableType(resourceType: string) {
  if (!(READABLE_TYPES as readonly string[]).includes(resourceType)) throw new AppError("NOT_FOUND", `Resource type "${resourceType.slice(0, 40)}" is not served here.`);
}

/** "Patient/abc", "abc" or an absolute URL ending in Patient/abc: the id, or null. */
function patientIdOf(value: string): string | null {
  const match = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(value) ?? /^([A-Za-z0-9\-.]{1,64})$/.exec(value);
  return match?.[1] ?? null;
}

async function ownResources(actorId: string): Promise<BundleResource[]> {
  const bundle = await buildPatientBundle({ patientId: actorId });
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
}

async function audit(options: { actor: { id: string; role: Role }; action: string; context: RequestContext; details: Record<string, string | number> }) {
  await recordAuditEvent({
    action: options.action,
    outcome: "ALLOWED",
    actorId: options.actor.id,
    actorRole: options.actor.role,
    patientId: options.actor.id,
    targetType: "fhir",
    ...options.context,
    details: options.details,
  });
}

export async function searchOwnResources(options: {
  actor: { id: string; role: Role };
  resourceType: string;
  query: URLSearchParams;
  selfUrl: string;
  context: RequestContext;
}): Promise<Bundle> {
  const { actor, resourceType, query } = options;
  requirePatient(actor);
  requireReadableType(resourceType);
  for (const name of ["patient", "subject"]) {
    const value = query.get(name);
    // Another patient's data and a patient who does not exist look the same.
    if (value !== null && patientIdOf(value) !== actor.id) throw new AppError("NOT_FOUND");
  }
  const page = parseInput(ZFhirPageSchema, { count: query.get("_count") ?? undefined, offset: query.get("_offset") ?? undefined });
  const ids = query.get("_id")?.split(",").filter(Boolean);
  const category = query.get("category")?.split("|").pop();
  const matches = (await ownResources(actor.id)).filter((resource) => {
    if (resource.resourceType !== resourceType) return false;
    if (ids && !ids.includes(resource.id ?? "")) return false;
    if (category && "category" in resource && Array.isArray(resource.category)) {
      return resource.category.some((c) => typeof c === "object" && c.coding?.some((coding) => coding.code === category));
    }
    return !category;
  });
  const shown = matches.slice(page.offset, page.offset + page.count);
  await audit({ actor, action: "fhir.searched", context: options.context, details: { resourceType, results: matches.length, returned: shown.length, offset: page.offset } });
  const base = options.selfUrl.split("?")[0]?.replace(/\/[^/]+$/, "") ?? "";
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: matches.length,
    link: pageLinks({ selfUrl: options.selfUrl, count: page.count, offset: page.offset, total: matches.length }),
    entry: shown.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" as const } })),
  };
}

/** self as asked; first, previous and next as the same search with another `_offset`. */
function pageLinks(options: { selfUrl: string; count: number; offset: number; total: number }): BundleLink[] {
  const at = (offset: number) => {
    const url = new URL(options.selfUrl);
    url.searchParams.set("_count", String(options.count));
    url.searchParams.set("_offset", String(offset));
    return url.toString();
  };
  const links: BundleLink[] = [{ relation: "self", url: options.selfUrl }, { relation: "first", url: at(0) }];
  if (options.offset > 0) links.push({ relation: "previous", url: at(Math.max(0, options.offset - options.count)) });
  if (options.offset + options.count < options.total) links.push({ relation: "next", url: at(options.offset + options.count) });
  return links;
}

export async function readOwnResource(options: { actor: { id: string; role: Role }; resourceType: string; id: string; context: RequestContext }): Promise<BundleResource> {
  const { actor, resourceType, id } = options;
  requirePatient(actor);
  requireReadableType(resourceType);
  if (resourceType === "Patient" && id !== actor.id) throw new AppError("NOT_FOUND");
  const resource = (await ownResources(actor.id)).find((r) => r.resourceType === resourceType && r.id === id);
  if (!resource) throw new AppError("NOT_FOUND");
  await audit({ actor, action: "fhir.read", context: options.context, details: { resourceType, id } });
  return resource;
}
