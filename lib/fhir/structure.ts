// The R4 structure of every resource and datatype MedVault emits or imports:
// element names, types, cardinalities (min/max) and the value sets bound to the
// codes we use. Transcribed from the R4 specification (hl7.org/fhir/R4) for
// these elements only; anything else is "unknown" to the validator.
import { SYSTEM, VALUE_SETS } from "./codes";

export type PrimitiveType =
  | "string"
  | "code"
  | "id"
  | "uri"
  | "url"
  | "markdown"
  | "dateTime"
  | "date"
  | "instant"
  | "boolean"
  | "decimal"
  | "integer"
  | "positiveInt"
  | "unsignedInt"
  | "xhtml";

export type ComplexType =
  | "Coding"
  | "CodeableConcept"
  | "Identifier"
  | "Reference"
  | "Period"
  | "Quantity"
  | "Range"
  | "Annotation"
  | "Attachment"
  | "Meta"
  | "Narrative"
  | "HumanName"
  | "ContactPoint"
  | "Dosage"
  | "Timing";

export interface ElementDef {
  type: PrimitiveType | ComplexType | "BackboneElement" | "Resource";
  min?: 0 | 1;
  max?: "1" | "*";
  /** Required binding of a `code` element. */
  values?: readonly string[];
  /** Required binding of a CodeableConcept: a coding of `system` with a code from `values` must be there. */
  binding?: { system: string; values: readonly string[] };
  /** Allowed target resource types of a Reference. */
  targets?: readonly string[];
  /** Children of a BackboneElement. */
  elements?: Record<string, ElementDef>;
  /** The choice ([x]) group this element belongs to: at most one of a group may be present. */
  choice?: string;
}

const e = (type: ElementDef["type"], more: Omit<ElementDef, "type"> = {}): ElementDef => ({ type, ...more });
const required = (type: ElementDef["type"], more: Omit<ElementDef, "type"> = {}): ElementDef => ({ type, min: 1, ...more });
const many = (type: ElementDef["type"], more: Omit<ElementDef, "type"> = {}): ElementDef => ({ type, max: "*", ...more });

export const DATATYPES: Record<ComplexType, Record<string, ElementDef>> = {
  Coding: { system: e("uri"), version: e("string"), code: e("code"), display: e("string"), userSelected: e("boolean") },
  CodeableConcept: { coding: many("Coding"), text: e("string") },
  Identifier: {
    use: e("code", { values: VALUE_SETS.identifierUse }),
    type: e("CodeableConcept"),
    system: e("uri"),
    value: e("string"),
    period: e("Period"),
  },
  Reference: { reference: e("string"), type: e("uri"), identifier: e("Identifier"), display: e("string") },
  Period: { start: e("dateTime"), end: e("dateTime") },
  Quantity: { value: e("decimal"), comparator: e("code", { values: VALUE_SETS.quantityComparator }), unit: e("string"), system: e("uri"), code: e("code") },
  Range: { low: e("Quantity"), high: e("Quantity") },
  Annotation: { authorString: e("string", { choice: "author" }), authorReference: e("Reference", { choice: "author" }), time: e("dateTime"), text: required("markdown") },
  Attachment: {
    contentType: e("code"),
    language: e("code"),
    data: e("string"),
    url: e("url"),
    size: e("unsignedInt"),
    hash: e("string"),
    title: e("string"),
    creation: e("dateTime"),
  },
  Meta: { versionId: e("id"), lastUpdated: e("instant"), source: e("uri"), profile: many("uri"), tag: many("Coding") },
  Narrative: { status: required("code", { values: ["generated", "extensions", "additional", "empty"] }), div: required("xhtml") },
  HumanName: { use: e("code"), text: e("string"), family: e("string"), given: many("string"), prefix: many("string"), suffix: many("string"), period: e("Period") },
  ContactPoint: { system: e("code", { values: VALUE_SETS.contactPointSystem }), value: e("string"), use: e("code"), rank: e("positiveInt"), period: e("Period") },
  Dosage: { sequence: e("integer"), text: e("string"), patientInstruction: e("string"), timing: e("Timing"), asNeededBoolean: e("boolean", { choice: "asNeeded" }) },
  Timing: { event: many("dateTime"), code: e("CodeableConcept") },
};

const common: Record<string, ElementDef> = { id: e("id"), meta: e("Meta"), language: e("code"), text: e("Narrative") };
const identifiers = many("Identifier");
const subject = (targets: readonly string[] = ["Patient"]) => required("Reference", { targets });
const notes = many("Annotation");
const referenceRange = many("BackboneElement", {
  elements: { low: e("Quantity"), high: e("Quantity"), type: e("CodeableConcept"), appliesTo: many("CodeableConcept"), age: e("Range"), text: e("string") },
});
const interpretation = many("CodeableConcept", { binding: { system: SYSTEM.interpretation, values: VALUE_SETS.interpretation } });
const observationValue = {
  valueQuantity: e("Quantity", { choice: "value" }),
  valueCodeableConcept: e("CodeableConcept", { choice: "value" }),
  valueString: e("string", { choice: "value" }),
  valueBoolean: e("boolean", { choice: "value" }),
  valueInteger: e("integer", { choice: "value" }),
  valueRange: e("Range", { choice: "value" }),
  valueDateTime: e("dateTime", { choice: "value" }),
  valuePeriod: e("Period", { choice: "value" }),
};

export const RESOURCES: Record<string, Record<string, ElementDef>> = {
  Patient: {
    ...common,
    identifier: identifiers,
    active: e("boolean"),
    name: many("HumanName"),
    telecom: many("ContactPoint"),
    gender: e("code", { values: VALUE_SETS.gender }),
    birthDate: e("date"),
    deceasedBoolean: e("boolean", { choice: "deceased" }),
    deceasedDateTime: e("dateTime", { choice: "deceased" }),
  },
  Condition: {
    ...common,
    identifier: identifiers,
    clinicalStatus: e("CodeableConcept", { binding: { system: SYSTEM.conditionClinical, values: VALUE_SETS.conditionClinical } }),
    verificationStatus: e("CodeableConcept", { binding: { system: SYSTEM.conditionVerification, values: VALUE_SETS.conditionVerification } }),
    category: many("CodeableConcept"),
    severity: e("CodeableConcept"),
    code: e("CodeableConcept"),
    bodySite: many("CodeableConcept"),
    subject: subject(["Patient", "Group"]),
    onsetDateTime: e("dateTime", { choice: "onset" }),
    onsetPeriod: e("Period", { choice: "onset" }),
    onsetString: e("string", { choice: "onset" }),
    abatementDateTime: e("dateTime", { choice: "abatement" }),
    abatementPeriod: e("Period", { choice: "abatement" }),
    abatementString: e("string", { choice: "abatement" }),
    recordedDate: e("dateTime"),
    note: notes,
  },
  MedicationStatement: {
    ...common,
    identifier: identifiers,
    status: required("code", { values: VALUE_SETS.medicationStatementStatus }),
    statusReason: many("CodeableConcept"),
    category: e("CodeableConcept"),
    medicationCodeableConcept: e("CodeableConcept", { choice: "medication" }),
    medicationReference: e("Reference", { choice: "medication", targets: ["Medication"] }),
    subject: subject(["Patient", "Group"]),
    effectiveDateTime: e("dateTime", { choice: "effective" }),
    effectivePeriod: e("Period", { choice: "effective" }),
    dateAsserted: e("dateTime"),
    reasonCode: many("CodeableConcept"),
    note: notes,
    dosage: many("Dosage"),
  },
  AllergyIntolerance: {
    ...common,
    identifier: identifiers,
    clinicalStatus: e("CodeableConcept", { binding: { system: SYSTEM.allergyClinical, values: VALUE_SETS.allergyClinical } }),
    verificationStatus: e("CodeableConcept", { binding: { system: SYSTEM.allergyVerification, values: VALUE_SETS.allergyVerification } }),
    type: e("code", { values: VALUE_SETS.allergyType }),
    category: many("code", { values: VALUE_SETS.allergyCategory }),
    criticality: e("code", { values: VALUE_SETS.allergyCriticality }),
    code: e("CodeableConcept"),
    patient: subject(),
    onsetDateTime: e("dateTime", { choice: "onset" }),
    onsetString: e("string", { choice: "onset" }),
    recordedDate: e("dateTime"),
    lastOccurrence: e("dateTime"),
    note: notes,
    reaction: many("BackboneElement", {
      elements: {
        substance: e("CodeableConcept"),
        manifestation: { type: "CodeableConcept", min: 1, max: "*" },
        description: e("string"),
        onset: e("dateTime"),
        severity: e("code", { values: VALUE_SETS.reactionSeverity }),
        note: notes,
      },
    }),
  },
  Observation: {
    ...common,
    identifier: identifiers,
    status: required("code", { values: VALUE_SETS.observationStatus }),
    category: many("CodeableConcept"),
    code: required("CodeableConcept"),
    subject: e("Reference", { targets: ["Patient", "Group"] }),
    effectiveDateTime: e("dateTime", { choice: "effective" }),
    effectivePeriod: e("Period", { choice: "effective" }),
    effectiveInstant: e("instant", { choice: "effective" }),
    issued: e("instant"),
    ...observationValue,
    dataAbsentReason: e("CodeableConcept"),
    interpretation,
    note: notes,
    bodySite: e("CodeableConcept"),
    method: e("CodeableConcept"),
    referenceRange,
    component: many("BackboneElement", {
      elements: { code: required("CodeableConcept"), ...observationValue, dataAbsentReason: e("CodeableConcept"), interpretation, referenceRange },
    }),
  },
  Immunization: {
    ...common,
    identifier: identifiers,
    status: required("code", { values: VALUE_SETS.immunizationStatus }),
    statusReason: e("CodeableConcept"),
    vaccineCode: required("CodeableConcept"),
    patient: subject(),
    occurrenceDateTime: e("dateTime", { choice: "occurrence" }),
    occurrenceString: e("string", { choice: "occurrence" }),
    recorded: e("dateTime"),
    primarySource: e("boolean"),
    lotNumber: e("string"),
    expirationDate: e("date"),
    site: e("CodeableConcept"),
    route: e("CodeableConcept"),
    doseQuantity: e("Quantity"),
    note: notes,
    protocolApplied: many("BackboneElement", {
      elements: {
        series: e("string"),
        targetDisease: many("CodeableConcept"),
        doseNumberPositiveInt: e("positiveInt", { choice: "doseNumber" }),
        doseNumberString: e("string", { choice: "doseNumber" }),
        seriesDosesPositiveInt: e("positiveInt", { choice: "seriesDoses" }),
        seriesDosesString: e("string", { choice: "seriesDoses" }),
      },
    }),
  },
  DocumentReference: {
    ...common,
    masterIdentifier: e("Identifier"),
    identifier: identifiers,
    status: required("code", { values: VALUE_SETS.documentReferenceStatus }),
    docStatus: e("code", { values: ["preliminary", "final", "amended", "entered-in-error"] }),
    type: e("CodeableConcept"),
    category: many("CodeableConcept"),
    subject: e("Reference", { targets: ["Patient", "Practitioner", "Group", "Device"] }),
    date: e("instant"),
    description: e("string"),
    content: {
      type: "BackboneElement",
      min: 1,
      max: "*",
      elements: { attachment: required("Attachment"), format: e("Coding") },
    },
    context: e("BackboneElement", {
      elements: { period: e("Period"), facilityType: e("CodeableConcept"), practiceSetting: e("CodeableConcept"), related: many("Reference") },
    }),
  },
  ImagingStudy: {
    ...common,
    identifier: identifiers,
    status: required("code", { values: VALUE_SETS.imagingStudyStatus }),
    modality: many("Coding"),
    subject: subject(["Patient", "Device", "Group"]),
    started: e("dateTime"),
    numberOfSeries: e("unsignedInt"),
    numberOfInstances: e("unsignedInt"),
    description: e("string"),
    note: notes,
  },
  Composition: {
    ...common,
    identifier: e("Identifier"),
    status: required("code", { values: VALUE_SETS.compositionStatus }),
    type: required("CodeableConcept"),
    category: many("CodeableConcept"),
    subject: e("Reference"),
    date: required("dateTime"),
    author: { type: "Reference", min: 1, max: "*", targets: ["Practitioner", "PractitionerRole", "Device", "Patient", "RelatedPerson", "Organization"] },
    title: required("string"),
    section: many("BackboneElement", {
      elements: { title: e("string"), code: e("CodeableConcept"), text: e("Narrative"), entry: many("Reference"), emptyReason: e("CodeableConcept") },
    }),
  },
  OperationOutcome: {
    ...common,
    issue: {
      type: "BackboneElement",
      min: 1,
      max: "*",
      elements: {
        severity: required("code", { values: VALUE_SETS.issueSeverity }),
        code: required("code"),
        details: e("CodeableConcept"),
        diagnostics: e("string"),
        expression: many("string"),
      },
    },
  },
  Bundle: {
    id: e("id"),
    meta: e("Meta"),
    language: e("code"),
    identifier: e("Identifier"),
    type: required("code", { values: VALUE_SETS.bundleType }),
    timestamp: e("instant"),
    total: e("unsignedInt"),
    link: many("BackboneElement", { elements: { relation: required("string"), url: required("uri") } }),
    entry: many("BackboneElement", {
      elements: {
        link: many("BackboneElement", { elements: { relation: required("string"), url: required("uri") } }),
        fullUrl: e("uri"),
        resource: e("Resource"),
        search: e("BackboneElement", { elements: { mode: e("code", { values: ["match", "include", "outcome"] }), score: e("decimal") } }),
      },
    }),
  },
};

/** Choice groups a resource must carry exactly one of (min 1 on a [x] element). */
export const REQUIRED_CHOICES: Record<string, readonly string[]> = {
  MedicationStatement: ["medication"],
  Immunization: ["occurrence"],
};
