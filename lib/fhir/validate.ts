// A structural validator for FHIR R4 JSON, for the resources in ./structure:
// JSON rules of the spec (no nulls, empty strings, empty objects or arrays),
// primitive formats, element names, cardinalities, required value-set
// bindings, one-of-[x] choices, the invariants that touch our elements, and in
// a Bundle that every reference resolves to an entry. Used on every Bundle we
// export (a failure is a bug) and on every Bundle a patient imports.
import { DATATYPES, REQUIRED_CHOICES, RESOURCES, type ElementDef, type PrimitiveType } from "./structure";

export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

export interface ValidateOptions {
  /** Imports from other systems carry elements we do not read: report them or not. */
  allowUnknownElements?: boolean;
  /** Imports may carry resource types we do not read: skip them instead of failing. */
  allowUnknownResourceTypes?: boolean;
}

const YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
const MONTH = "(0[1-9]|1[0-2])";
const DAY = "(0[1-9]|[1-2][0-9]|3[0-1])";
const TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";
const ZONE = "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";

// The regular expressions of the R4 primitive types (hl7.org/fhir/R4/datatypes.html).
const PATTERNS: Partial<Record<PrimitiveType, RegExp>> = {
  code: /^[^\s]+( [^\s]+)*$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  uri: /^\S+$/,
  url: /^\S+$/,
  date: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`),
  dateTime: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
  instant: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`),
};

const INT32_MAX = 2_147_483_647;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A calendar date that exists (2023-02-30 matches the pattern but is not a date). */
function realDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function primitiveProblem(type: PrimitiveType, value: unknown): string | null {
  switch (type) {
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "decimal":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number";
    case "integer":
      return Number.isInteger(value) && Math.abs(value as number) <= INT32_MAX ? null : "must be a 32-bit integer";
    case "positiveInt":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= INT32_MAX ? null : "must be an integer of at least 1";
    case "unsignedInt":
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= INT32_MAX ? null : "must be an integer of at least 0";
    default: {
      if (typeof value !== "string") return "must be a string";
      if (value.length === 0) return "must not be empty";
      if (type === "string" || type === "markdown") return value.trim() === "" ? "must not be blank" : null;
      if (type === "xhtml") return /^<div[\s>]/.test(value) ? null : "must be an XHTML <div>";
      const pattern = PATTERNS[type];
      if (pattern && !pattern.test(value)) return `is not a valid ${type}`;
      if ((type === "date" || type === "dateTime" || type === "instant") && !realDate(value)) return `is not a real ${type}`;
      return null;
    }
  }
}

interface Walk {
  issues: ValidationIssue[];
  options: ValidateOptions;
  /** Every Reference.reference met, for the Bundle's integrity check. */
  references: Array<{ path: string; reference: string }>;
}

function walkElements(walk: Walk, path: string, value: unknown, elements: Record<string, ElementDef>, skip: readonly string[] = []): void {
  if (!isPlainObject(value)) {
    walk.issues.push({ path, message: "must be a JSON object" });
    return;
  }
  if (Object.keys(value).length === 0) walk.issues.push({ path, message: "must not be an empty object" });
  const choices = new Map<string, string[]>();
  for (const [name, child] of Object.entries(value)) {
    if (skip.includes(name)) continue;
    const def = elements[name];
    if (!def) {
      // "_name" carries a primitive's id/extensions; "extension" and "modifierExtension" are open.
      if (!walk.options.allowUnknownElements) walk.issues.push({ path: `${path}.${name}`, message: "is not an element we know here" });
      continue;
    }
    if (def.choice) choices.set(def.choice, [...(choices.get(def.choice) ?? []), name]);
    walkElement(walk, `${path}.${name}`, child, def);
  }
  for (const [name, def] of Object.entries(elements)) {
    if ((def.min ?? 0) > 0 && !(name in value)) walk.issues.push({ path: `${path}.${name}`, message: "is required" });
  }
  for (const [group, names] of choices) {
    if (names.length > 1) walk.issues.push({ path: `${path}.${group}[x]`, message: `only one of ${names.join(", ")} may be present` });
  }
}

function walkElement(walk: Walk, path: string, value: unknown, def: ElementDef): void {
  if (value === null) {
    walk.issues.push({ path, message: "must not be null (leave the element out instead)" });
    return;
  }
  const max = def.max ?? "1";
  if (max === "*") {
    if (!Array.isArray(value)) {
      walk.issues.push({ path, message: "must be an array" });
      return;
    }
    if (value.length === 0) walk.issues.push({ path, message: "must not be an empty array" });
    if ((def.min ?? 0) > value.length) walk.issues.push({ path, message: `needs at least ${def.min}` });
    value.forEach((item, index) => walkSingle(walk, `${path}[${index}]`, item, def));
    return;
  }
  if (Array.isArray(value)) {
    walk.issues.push({ path, message: "must be a single value, not an array" });
    return;
  }
  walkSingle(walk, path, value, def);
}

function walkSingle(walk: Walk, path: string, value: unknown, def: ElementDef): void {
  if (value === null) {
    walk.issues.push({ path, message: "must not be null" });
    return;
  }
  switch (def.type) {
    case "BackboneElement":
      walkElements(walk, path, value, def.elements ?? {});
      return;
    case "Resource":
      walkResource(walk, path, value);
      return;
    default:
      break;
  }
  if (def.type in DATATYPES) {
    const type = def.type as keyof typeof DATATYPES;
    walkElements(walk, path, value, DATATYPES[type]);
    if (!isPlainObject(value)) return;
    if (type === "CodeableConcept" && def.binding) checkBinding(walk, path, value, def.binding);
    if (type === "Reference") checkReference(walk, path, value, def.targets);
    if (type === "Coding" && value.code !== undefined && value.system === undefined) {
      // Not an R4 rule for Coding in general, but a code without its system means nothing to a receiver.
      walk.issues.push({ path: `${path}.system`, message: "is required when a code is given" });
    }
    if (type === "Period" && typeof value.start === "string" && typeof value.end === "string" && Date.parse(value.start) > Date.parse(value.end)) {
      walk.issues.push({ path, message: "ends before it starts (per-1)" });
    }
    if (type === "Quantity" && value.code !== undefined && value.system === undefined) {
      walk.issues.push({ path: `${path}.system`, message: "is required when a code is given (qty-3)" });
    }
    return;
  }
  const problem = primitiveProblem(def.type as PrimitiveType, value);
  if (problem) {
    walk.issues.push({ path, message: problem });
    return;
  }
  if (def.values && !def.values.includes(value as string)) walk.issues.push({ path, message: `"${String(value)}" is not one of ${def.values.join(", ")}` });
}

function checkBinding(walk: Walk, path: string, value: Record<string, unknown>, binding: { system: string; values: readonly string[] }): void {
  const codings = Array.isArray(value.coding) ? (value.coding as Array<Record<string, unknown>>) : [];
  const bound = codings.filter((c) => isPlainObject(c) && c.system === binding.system);
  if (bound.length === 0) {
    walk.issues.push({ path, message: `needs a coding from ${binding.system}` });
    return;
  }
  for (const c of bound) {
    if (!binding.values.includes(c.code as string)) walk.issues.push({ path, message: `"${String(c.code)}" is not a code of ${binding.system}` });
  }
}

function checkReference(walk: Walk, path: string, value: Record<string, unknown>, targets?: readonly string[]): void {
  const reference = value.reference;
  if (typeof reference !== "string") {
    if (value.identifier === undefined && value.display === undefined) walk.issues.push({ path, message: "needs a reference, identifier or display (ref-1)" });
    return;
  }
  walk.references.push({ path, reference });
  const relative = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.+)?$/.exec(reference);
  if (relative && targets && !targets.includes(relative[1] as string)) {
    walk.issues.push({ path, message: `may point at ${targets.join(" or ")}, not ${relative[1]}` });
  }
}

function coded(concept: unknown, system: string): string[] {
  if (!isPlainObject(concept) || !Array.isArray(concept.coding)) return [];
  return (concept.coding as unknown[]).filter(isPlainObject).filter((c) => c.system === system).map((c) => String(c.code));
}

/** The R4 invariants that concern elements we use. */
function checkInvariants(walk: Walk, path: string, resource: Record<string, unknown>): void {
  const push = (message: string) => walk.issues.push({ path, message });
  switch (resource.resourceType) {
    case "Condition": {
      const verification = coded(resource.verificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status");
      const clinical = coded(resource.clinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical");
      const abated = Object.keys(resource).some((k) => k.startsWith("abatement"));
      if (abated && clinical.some((c) => ["active", "recurrence", "relapse"].includes(c))) push("an abated condition cannot be active (con-4)");
      if (verification.includes("entered-in-error") && resource.clinicalStatus !== undefined) push("clinicalStatus must be absent when entered-in-error (con-5)");
      if (!verification.includes("entered-in-error") && resource.clinicalStatus === undefined && resource.category !== undefined) {
        const problemList = Array.isArray(resource.category) && resource.category.some((c) => coded(c, "http://terminology.hl7.org/CodeSystem/condition-category").includes("problem-list-item"));
        if (problemList) push("a problem-list condition needs a clinicalStatus (con-3)");
      }
      break;
    }
    case "AllergyIntolerance": {
      const verification = coded(resource.verificationStatus, "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
      if (verification.includes("entered-in-error") && resource.clinicalStatus !== undefined) push("clinicalStatus must be absent when entered-in-error (ait-2)");
      if (!verification.includes("entered-in-error") && resource.clinicalStatus === undefined) push("clinicalStatus is required unless entered-in-error (ait-1)");
      break;
    }
    case "Observation": {
      const hasValue = Object.keys(resource).some((k) => k.startsWith("value"));
      if (hasValue && resource.dataAbsentReason !== undefined) push("dataAbsentReason only when there is no value (obs-6)");
      const code = coded(resource.code, "http://loinc.org");
      if (Array.isArray(resource.component)) {
        for (const [index, component] of (resource.component as unknown[]).entries()) {
          if (isPlainObject(component) && code.length > 0 && coded(component.code, "http://loinc.org").some((c) => code.includes(c))) {
            walk.issues.push({ path: `${path}.component[${index}]`, message: "must not repeat the observation's own code (obs-7)" });
          }
        }
      }
      if (Array.isArray(resource.referenceRange)) {
        for (const [index, range] of (resource.referenceRange as unknown[]).entries()) {
          if (isPlainObject(range) && range.low === undefined && range.high === undefined && range.text === undefined) {
            walk.issues.push({ path: `${path}.referenceRange[${index}]`, message: "needs low, high or text (obs-3)" });
          }
        }
      }
      break;
    }
    default:
      break;
  }
}

function walkResource(walk: Walk, path: string, value: unknown): void {
  if (!isPlainObject(value)) {
    walk.issues.push({ path, message: "must be a resource (a JSON object)" });
    return;
  }
  const type = value.resourceType;
  if (typeof type !== "string") {
    walk.issues.push({ path: `${path}.resourceType`, message: "is required" });
    return;
  }
  const elements = RESOURCES[type];
  if (!elements) {
    if (!walk.options.allowUnknownResourceTypes) walk.issues.push({ path: `${path}.resourceType`, message: `"${type}" is not a resource type MedVault reads` });
    return;
  }
  const resourcePath = path === "" ? type : `${path}(${type})`;
  walkElements(walk, resourcePath, value, elements, ["resourceType"]);
  for (const group of REQUIRED_CHOICES[type] ?? []) {
    if (!Object.keys(value).some((name) => elements[name]?.choice === group)) walk.issues.push({ path: `${resourcePath}.${group}[x]`, message: "is required" });
  }
  checkInvariants(walk, resourcePath, value);
  if (type === "Bundle") checkBundle(walk, resourcePath, value);
}

/** The Bundle rules: entries, unique fullUrls (bdl-7), document rules (bdl-9..11), and that every reference resolves. */
function checkBundle(walk: Walk, path: string, bundle: Record<string, unknown>): void {
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]).filter(isPlainObject) : [];
  const type = bundle.type;
  if (bundle.total !== undefined && type !== "searchset" && type !== "history") walk.issues.push({ path, message: "total only in a searchset or history (bdl-1)" });
  const fullUrls = new Set<string>();
  const byTypeAndId = new Set<string>();
  entries.forEach((entry, index) => {
    const entryPath = `${path}.entry[${index}]`;
    const resource = entry.resource;
    if (type === "collection" || type === "document" || type === "searchset") {
      if (!isPlainObject(resource)) walk.issues.push({ path: entryPath, message: "needs a resource (bdl-5)" });
    }
    if (typeof entry.fullUrl === "string") {
      if (fullUrls.has(entry.fullUrl)) walk.issues.push({ path: `${entryPath}.fullUrl`, message: "appears twice (bdl-7)" });
      if (entry.fullUrl.includes("/_history/")) walk.issues.push({ path: `${entryPath}.fullUrl`, message: "must not be version specific (bdl-8)" });
      fullUrls.add(entry.fullUrl);
    } else if (type === "document" || type === "collection") {
      walk.issues.push({ path: `${entryPath}.fullUrl`, message: "is required so entries can be referenced" });
    }
    if (isPlainObject(resource) && typeof resource.id === "string") {
      if (typeof entry.fullUrl === "string" && !entry.fullUrl.startsWith("urn:") && !entry.fullUrl.endsWith(`/${resource.resourceType}/${resource.id}`)) {
        walk.issues.push({ path: `${entryPath}.fullUrl`, message: "must end with the resource's type and id" });
      }
      byTypeAndId.add(`${String(resource.resourceType)}/${resource.id}`);
    }
  });
  if (type === "document") {
    const identifier = bundle.identifier;
    if (!isPlainObject(identifier) || identifier.system === undefined || identifier.value === undefined) walk.issues.push({ path, message: "a document needs identifier.system and .value (bdl-9)" });
    if (bundle.timestamp === undefined) walk.issues.push({ path, message: "a document needs a timestamp (bdl-10)" });
    const first = entries[0]?.resource;
    if (!isPlainObject(first) || first.resourceType !== "Composition") walk.issues.push({ path, message: "a document starts with a Composition (bdl-11)" });
  }
  if (type === "collection" || type === "document") {
    for (const { path: refPath, reference } of walk.references) {
      if (!refPath.startsWith(`${path}.entry`)) continue;
      if (reference.startsWith("#")) continue;
      const resolved = fullUrls.has(reference) || byTypeAndId.has(reference.replace(/\/_history\/.*$/, ""));
      if (!resolved) walk.issues.push({ path: refPath, message: `points at ${reference}, which is not in the Bundle` });
    }
  }
}

/** Validates one resource (a Bundle included) against the R4 structure. */
export function validateResource(resource: unknown, options: ValidateOptions = {}): ValidationResult {
  const walk: Walk = { issues: [], options, references: [] };
  walkResource(walk, "", resource);
  return { valid: walk.issues.length === 0, issues: walk.issues };
}
