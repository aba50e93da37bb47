// The FHIR R4 shapes MedVault emits and reads: the `fhir4` types of @types/fhir
// (hl7.fhir.r4.core 4.0.1), under the names the rest of lib/fhir uses. Only the
// unions below are ours: the resources a MedVault bundle may hold.
import type * as fhir4 from "fhir/r4";

export type Coding = fhir4.Coding;
export type CodeableConcept = fhir4.CodeableConcept;
export type Identifier = fhir4.Identifier;
export type Reference = fhir4.Reference;
export type Period = fhir4.Period;
export type Quantity = fhir4.Quantity;
export type Range = fhir4.Range;
export type Annotation = fhir4.Annotation;
export type Attachment = fhir4.Attachment;
export type Meta = fhir4.Meta;
export type HumanName = fhir4.HumanName;
export type ContactPoint = fhir4.ContactPoint;
export type Dosage = fhir4.Dosage;

export type Patient = fhir4.Patient;
export type Condition = fhir4.Condition;
export type MedicationStatement = fhir4.MedicationStatement;
export type AllergyIntolerance = fhir4.AllergyIntolerance;
export type AllergyIntoleranceReaction = fhir4.AllergyIntoleranceReaction;
export type Observation = fhir4.Observation;
export type ObservationComponent = fhir4.ObservationComponent;
export type ObservationReferenceRange = fhir4.ObservationReferenceRange;
export type Immunization = fhir4.Immunization;
export type DocumentReference = fhir4.DocumentReference;
export type ImagingStudy = fhir4.ImagingStudy;
export type Composition = fhir4.Composition;
export type CompositionSection = fhir4.CompositionSection;
export type OperationOutcome = fhir4.OperationOutcome;
export type OperationOutcomeIssue = fhir4.OperationOutcomeIssue;

export type HealthResource = Condition | MedicationStatement | AllergyIntolerance | Observation | Immunization;
export type BundleResource = Patient | HealthResource | DocumentReference | ImagingStudy | Composition;
export type BundleEntry = fhir4.BundleEntry<BundleResource>;
export type BundleLink = fhir4.BundleLink;
export type Bundle = fhir4.Bundle<BundleResource>;
export type FhirResource = BundleResource | OperationOutcome | Bundle;
